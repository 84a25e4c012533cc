import type { App } from './model';
import type { WorkspaceSpec } from './seed';

/** The app the 'demo' seed registers: a confidential client that may also use PKCE. */
export const DEMO_APP: { clientId: string; clientSecret: string } = {
  clientId: '1111111111.2222222222',
  clientSecret: 'c0ffee00c0ffee00c0ffee00c0ffee00',
};

export const DEMO_APP_RECORD: App = {
  appId: 'A0COURIER1',
  clientId: DEMO_APP.clientId,
  clientSecret: DEMO_APP.clientSecret,
  name: 'Courier',
  pkceEnabled: true,
};

export const DEMO_WORKSPACES: WorkspaceSpec[] = [
  {
    teamId: 'T0ACME001',
    name: 'Acme Corp',
    domain: 'acme',
    signedInUser: 'maya.chen',
    // Enterprise, so users.discoverableContacts.lookup answers; Globex stays on Pro.
    plan: 'enterprise',
    users: [
      { realName: 'Maya Chen', tz: 'America/Los_Angeles', title: 'Head of Product', isAdmin: true, isOwner: true },
      { realName: 'Omar Haddad', tz: 'Europe/Berlin', title: 'Engineering Manager', isAdmin: true },
      { realName: 'Sofia Rossi', tz: 'Europe/London', title: 'Product Designer', displayName: 'sofi' },
      { realName: 'Liam Brennan', tz: 'America/New_York', title: 'Software Engineer' },
      { realName: 'Priya Natarajan', tz: 'Asia/Kolkata', title: 'Data Analyst' },
      { realName: 'Kenji Watanabe', tz: 'Asia/Tokyo', title: 'Senior Engineer', online: false },
      { realName: 'Amara Okafor', tz: 'Europe/London', title: 'Support Specialist' },
      { realName: 'Jonas Berg', tz: 'Europe/Berlin', title: 'QA Engineer', online: false },
      { realName: 'Beatriz Santos', tz: 'America/Sao_Paulo', title: 'Account Executive' },
      { realName: 'Tom Becker', tz: 'America/New_York', title: 'Contractor', deleted: true, online: false },
    ],
    channels: [
      {
        name: 'general',
        general: true,
        members: 'all',
        topic: 'Company-wide announcements and work-based matters',
        purpose: 'This channel is for team-wide communication and announcements.',
      },
      { name: 'random', members: 'all', purpose: 'Non-work banter and water cooler conversation' },
      {
        name: 'engineering',
        members: ['maya.chen', 'omar.haddad', 'liam.brennan', 'kenji.watanabe', 'jonas.berg', 'bot'],
        topic: 'Ship it',
      },
      { name: 'design', members: ['maya.chen', 'sofia.rossi', 'omar.haddad'] },
      { name: 'marketing', members: ['beatriz.santos', 'priya.natarajan'] },
      { name: 'sales', members: ['beatriz.santos', 'maya.chen'] },
      { name: 'support', members: ['amara.okafor', 'liam.brennan', 'bot'] },
      { name: 'announcements', members: 'all', purpose: 'Important news only' },
      { name: 'releases', members: ['omar.haddad', 'liam.brennan', 'jonas.berg', 'maya.chen', 'bot'] },
      { name: 'leadership', private: true, members: ['maya.chen', 'omar.haddad'] },
      { name: 'incident-response', private: true, members: ['omar.haddad', 'kenji.watanabe', 'bot'] },
      { name: 'old-project', archived: true, members: ['maya.chen', 'liam.brennan', 'bot'] },
    ],
  },
  {
    teamId: 'T0GLOBEX1',
    name: 'Globex',
    domain: 'globex',
    signedInUser: 'nora.lind',
    plan: 'pro',
    users: [
      { realName: 'Nora Lind', tz: 'Europe/Berlin', title: 'Operations Lead', isAdmin: true, isOwner: true },
      { realName: 'Victor Sousa', tz: 'America/Sao_Paulo', title: 'Software Engineer' },
      { realName: 'Ines Duarte', tz: 'Europe/London', title: 'Designer' },
      { realName: 'Kai Nakamura', tz: 'Asia/Tokyo', title: 'Support Specialist' },
    ],
    channels: [
      { name: 'general', general: true, members: 'all' },
      { name: 'random', members: 'all' },
      { name: 'ops', members: ['nora.lind', 'victor.sousa', 'bot'] },
      { name: 'board', private: true, members: ['nora.lind'] },
    ],
  },
];
