// Word lists for generated workspaces. Invented people, plausible channels.

// prettier-ignore
export const FIRST_NAMES = [
  'Ada', 'Amara', 'Ana', 'Anders', 'Aroha', 'Beatriz', 'Ben', 'Camille', 'Carlos', 'Chen', 'Chloe', 'Dara', 'David',
  'Elena', 'Emeka', 'Emil', 'Fatima', 'Felix', 'Grace', 'Hana', 'Hugo', 'Ibrahim', 'Ines', 'Isla', 'Jamal', 'Jonas',
  'Julia', 'Kai', 'Kenji', 'Leila', 'Liam', 'Lina', 'Lucas', 'Maya', 'Mateo', 'Mei', 'Mira', 'Nadia', 'Noah', 'Nora',
  'Olga', 'Omar', 'Paulo', 'Priya', 'Rafael', 'Rina', 'Rosa', 'Sam', 'Sana', 'Sofia', 'Tariq', 'Theo', 'Tomas',
  'Uma', 'Valentina', 'Victor', 'Wen', 'Yara', 'Yusuf', 'Zoe',
] as const;

// prettier-ignore
export const LAST_NAMES = [
  'Abbott', 'Adeyemi', 'Alvarez', 'Andersen', 'Bauer', 'Becker', 'Berg', 'Brennan', 'Castro', 'Chen', 'Costa',
  'Dubois', 'Duarte', 'Eriksen', 'Fischer', 'Fujita', 'Garcia', 'Haddad', 'Hansen', 'Ivanova', 'Jensen', 'Kaur',
  'Kim', 'Kowalski', 'Laine', 'Larsen', 'Lopez', 'Mahmoud', 'Martin', 'Moreau', 'Mueller', 'Nakamura', 'Natarajan',
  'Nguyen', "O'Brien", 'Okafor', 'Olsen', 'Park', 'Patel', 'Peralta', 'Quinn', 'Rossi', 'Santos', 'Schmidt', 'Silva',
  'Singh', 'Sousa', 'Tanaka', 'Torres', 'Vasquez', 'Wagner', 'Watanabe', 'Weber', 'Xu', 'Yamada', 'Zhang',
] as const;

// prettier-ignore
export const TITLES = [
  'Software Engineer', 'Senior Engineer', 'Product Manager', 'Designer', 'Data Analyst', 'Support Specialist',
  'Account Executive', 'Marketing Lead', 'Engineering Manager', 'Recruiter', 'Finance Partner', 'QA Engineer',
] as const;

// prettier-ignore
export const CHANNEL_PREFIXES = [
  'team', 'proj', 'ops', 'help', 'feed', 'ask', 'dev', 'design', 'sales', 'support', 'incident', 'social', 'announce',
  'guild', 'client', 'eng', 'mkt', 'data', 'infra', 'release',
] as const;

// prettier-ignore
export const CHANNEL_WORDS = [
  'alpha', 'atlas', 'billing', 'mobile', 'web', 'search', 'payments', 'growth', 'onboarding', 'platform', 'security',
  'analytics', 'apollo', 'aurora', 'beacon', 'comet', 'delta', 'ember', 'falcon', 'harbor', 'horizon', 'kestrel',
  'lighthouse', 'meridian', 'nebula', 'orbit', 'pegasus', 'quartz', 'redwood', 'sierra', 'summit', 'tundra',
  'vertex', 'zephyr', 'berlin', 'london', 'tokyo', 'lisbon', 'oncall', 'frontend', 'backend', 'api', 'docs', 'qa',
] as const;

export interface TimeZone {
  tz: string;
  label: string;
  offset: number;
}

export const TIME_ZONES: readonly TimeZone[] = [
  { tz: 'America/Los_Angeles', label: 'Pacific Standard Time', offset: -28800 },
  { tz: 'America/New_York', label: 'Eastern Standard Time', offset: -18000 },
  { tz: 'America/Sao_Paulo', label: 'Brasilia Standard Time', offset: -10800 },
  { tz: 'Europe/London', label: 'Greenwich Mean Time', offset: 0 },
  { tz: 'Europe/Berlin', label: 'Central European Time', offset: 3600 },
  { tz: 'Asia/Kolkata', label: 'India Standard Time', offset: 19800 },
  { tz: 'Asia/Tokyo', label: 'Japan Standard Time', offset: 32400 },
  { tz: 'Australia/Sydney', label: 'Australian Eastern Daylight Time', offset: 39600 },
];

export const COLORS = ['9f69e7', '4bbe2e', 'e7392d', '3c989f', 'e0a729', '674b1b', 'de5f24', '2b6836'] as const;
