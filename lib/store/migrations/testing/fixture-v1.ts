/**
 * Records as a version 1 database could hold them (version 1 typed only these fields, and
 * allowed anything else). Frozen: it describes the past.
 */
export const v1Fixture = {
  profiles: [
    { id: 'p1', name: 'Acme app' },
    // A stray field version 1 never wrote, holding a secret: it must not survive in clear.
    { id: 'p2', name: 'Old app', clientSecret: 'legacy-secret-in-clear-0123456789' },
  ],
  accounts: [
    { id: 'p1:T1', profileId: 'p1', teamId: 'T1', teamName: 'Acme', status: 'connected' },
    { id: 'p2:T2', profileId: 'p2', teamId: 'T2', teamName: 'Beta', accessToken: 'xoxb-legacy-token-in-clear-42' },
  ],
  settings: [{ key: 'theme', value: 'dark' }],
};
