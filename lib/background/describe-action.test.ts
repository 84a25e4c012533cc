// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ActionDef } from '../actions/types';
import { describeAction } from './describe-action';

const action: ActionDef = {
  id: 'demo',
  title: 'Demo',
  description: 'A demo action.',
  group: 'messages',
  methods: ['chat.postMessage'],
  token: 'either-bot',
  scopes: { bot: ['chat:write'], user: ['chat:write'] },
  input: z.object({
    channel: z.string().describe('Channel id').meta({ picker: 'channel' }),
    text: z.string().optional(),
    presence: z.enum(['auto', 'away']),
    unfurl_links: z.boolean().optional(),
    limit: z.number().int().optional(),
    users: z.array(z.string()).optional(),
    blocks: z.array(z.object({ type: z.string() })).optional(),
    metadata: z.object({ event_type: z.string() }).optional(),
    ts: z.union([z.string(), z.number()]).optional(),
  }),
  run: () => Promise.resolve(null),
};

describe('describeAction', () => {
  it('turns a zod input schema into form fields with Slack names, types and pickers', () => {
    const view = describeAction(action);
    expect(view.fields).toEqual([
      { name: 'channel', type: 'string', required: true, description: 'Channel id', picker: 'channel' },
      { name: 'text', type: 'string', required: false },
      { name: 'presence', type: 'enum', required: true, options: ['auto', 'away'] },
      { name: 'unfurl_links', type: 'boolean', required: false },
      { name: 'limit', type: 'number', required: false },
      { name: 'users', type: 'list', required: false },
      { name: 'blocks', type: 'json', required: false },
      { name: 'metadata', type: 'json', required: false },
      { name: 'ts', type: 'string', required: false },
    ]);
    expect(view).toMatchObject({ id: 'demo', token: 'either-bot', botScopes: ['chat:write'] });
  });
});
