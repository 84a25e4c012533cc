/**
 * Groups of actions a profile can enable, with the scopes they need. Choosing a group in the
 * profile form adds its scopes, so people need not know Slack's scope names.
 */
export interface ScopePreset {
  id: string;
  title: string;
  botScopes: string[];
  userScopes: string[];
}

export const SCOPE_PRESETS: readonly ScopePreset[] = [
  {
    id: 'send',
    title: 'Send pages, links and selections to channels and DMs',
    botScopes: [
      'chat:write',
      'chat:write.public',
      'channels:read',
      'groups:read',
      'im:read',
      'mpim:read',
      'users:read',
      'channels:join',
      'im:write',
    ],
    userScopes: [],
  },
  { id: 'schedule', title: 'Schedule, edit and delete messages', botScopes: ['chat:write'], userScopes: [] },
  { id: 'files', title: 'Share images and files', botScopes: ['files:write', 'files:read'], userScopes: [] },
  {
    id: 'presence',
    title: 'See and set your presence',
    botScopes: ['users:read'],
    userScopes: ['users:read', 'users:write'],
  },
  {
    id: 'history',
    title: 'Read message history (never post twice after a network failure)',
    botScopes: ['channels:history', 'groups:history', 'im:history', 'mpim:history'],
    userScopes: [],
  },
];

export const DEFAULT_PRESETS = ['send', 'schedule', 'files', 'presence', 'history'];

export function scopesForPresets(ids: readonly string[]): { botScopes: string[]; userScopes: string[] } {
  const chosen = SCOPE_PRESETS.filter((preset) => ids.includes(preset.id));
  return {
    botScopes: [...new Set(chosen.flatMap((preset) => preset.botScopes))],
    userScopes: [...new Set(chosen.flatMap((preset) => preset.userScopes))],
  };
}
