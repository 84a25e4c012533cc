// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ACTIONS, actionById } from './catalog';
import { specOf, tableA } from './testing/reference';
import { sdkArguments, sdkScopes } from './testing/sdk-arguments';
import type { ActionDef } from './types';

interface JsonProperty {
  description?: string;
  picker?: string;
  items?: JsonProperty;
}

function jsonSchema(action: ActionDef): { properties: Record<string, JsonProperty>; required: string[] } {
  const schema = z.toJSONSchema(action.input, { io: 'input' }) as {
    properties?: Record<string, JsonProperty>;
    required?: string[];
  };
  return { properties: schema.properties ?? {}, required: schema.required ?? [] };
}

// Required by the SDK's argument types where Slack's spec says optional: the call means nothing
// without them (conversations.kick has nobody to remove). users.profile.set takes `profile` or a
// `name` and `value`; Set User Status always sends the profile.
const SDK_REQUIRED: Record<string, string[]> = {
  remove_user_from_conversation: ['user'],
  set_user_status: ['profile'],
};

const ROWS = tableA();
const rowFor = (action: ActionDef) => ROWS.find((row) => row.title === action.title);

describe('the catalog', () => {
  it("has every one of Table A's 43 actions, each id once", () => {
    const ids = ACTIONS.map((action) => action.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ROWS).toHaveLength(43);
    const titles = ACTIONS.map((action) => action.title);
    for (const row of ROWS) expect(titles, row.title).toContain(row.title);
  });

  it("uses Table A's titles, each id its title in snake_case", () => {
    for (const action of ACTIONS) expect(action.id).toBe(action.title.toLowerCase().replaceAll(' ', '_'));
  });

  it("reads a method without a spec from the SDK's argument types in node_modules", () => {
    expect(sdkArguments('dnd.setSnooze')).toEqual({
      type: 'DndSetSnoozeArguments',
      file: 'dnd',
      required: ['num_minutes'],
      args: ['num_minutes'],
    });
    expect(sdkArguments('users.profile.set')?.args).toEqual(['name', 'profile', 'user', 'value']);
    expect(sdkArguments('dnd.noSuchMethod')).toBeUndefined();
    expect(sdkArguments('nosuchfamily.list')).toBeUndefined();
    expect(specOf('chat.postMessage')?.from).toBe('spec');
  });

  it('finds actions by id', () => {
    expect(actionById('send_message')?.title).toBe('Send Message');
    expect(actionById('nope')).toBeUndefined();
  });

  it.each(ACTIONS.map((action) => [action.id, action] as const))(
    '%s: a description, a group and main method as in Table A',
    (_id, action) => {
      expect(action.description).toMatch(/^[A-Z].*\.$/);
      expect(action.description).not.toContain('\n');
      const row = rowFor(action);
      if (row) expect(row.methods[0]).toBe(action.methods[0]);
      // A method in neither Slack's specs nor its SDK is a typo or not Slack's.
      for (const method of action.methods) expect(specOf(method), method).toBeDefined();
    },
  );
});

describe('input schemas against Slack’s method specs', () => {
  it.each(ACTIONS.map((action) => [action.id, action] as const))(
    '%s: required exactly where Slack requires, Slack’s names only',
    (_id, action) => {
      const specs = action.methods.map(specOf);
      const { properties, required } = jsonSchema(action);
      const slackRequired = new Set([
        ...specs.flatMap((spec) => spec?.required ?? []),
        ...(SDK_REQUIRED[action.id] ?? []),
      ]);
      expect(new Set(required)).toEqual(slackRequired);
      // List Unified Groups trims usergroups.list (not paginated) to `limit`, Courier's own field.
      const own = action.id === 'list_unified_groups' ? ['limit'] : [];
      const slackArgs = new Set([...specs.flatMap((spec) => spec?.args ?? []), ...own]);
      for (const name of Object.keys(properties)) expect(slackArgs, `${action.id}.${name}`).toContain(name);
    },
  );

  it.each(ACTIONS.map((action) => [action.id, action] as const))(
    '%s: every field has help text; channel and user fields offer pickers',
    (_id, action) => {
      for (const [name, property] of Object.entries(jsonSchema(action).properties)) {
        expect(property.description, `${action.id}.${name}`).toBeTruthy();
        if (/^channel(_id|s)?$/.test(name)) expect(property.picker, `${action.id}.${name}`).toBe('channel');
        if (/^(user|users|user_ids)$/.test(name)) expect(property.picker, `${action.id}.${name}`).toBe('user');
      }
    },
  );

  it.each(ACTIONS.map((action) => [action.id, action] as const))('%s: the sample input is valid', (id, action) => {
    expect(action.input.safeParse(action.example).success, id).toBe(true);
  });

  it("pages every list action Slack pages, from Slack's cursor or page number", () => {
    // usergroups.list answers every group at once; team.info names one workspace.
    const unpaged = ['list_unified_groups', 'list_unified_organizations'];
    const lists = ACTIONS.filter((action) => action.id.startsWith('list_') && !unpaged.includes(action.id));
    expect(lists).toHaveLength(10);
    for (const action of lists) {
      const { properties } = jsonSchema(action);
      const by = action.pages?.by ?? 'cursor';
      expect(action.pages, action.id).toBeDefined();
      expect(properties, action.id).toHaveProperty(by);
      // The page size keeps Slack's name: `count` where Slack says count, else `limit`.
      const size = action.methods[0] === 'files.list' || action.methods[0] === 'conversations.listConnectInvites';
      expect(properties, action.id).toHaveProperty(size ? 'count' : 'limit');
    }
    expect(ACTIONS.filter((action) => action.pages).length).toBe(lists.length);
  });
});

describe('token needs and scopes against Table A', () => {
  it.each(ACTIONS.map((action) => [action.id, action] as const))('%s', (_id, action) => {
    const row = rowFor(action);
    const specs = action.methods.map(specOf);
    const specScopes = specs.map((spec) => spec?.scope ?? { bot: [], user: [] });
    // Where only the SDK knows a method, a scope must be one the SDK lists for that token kind.
    const fromSdk = specs.some((spec) => spec?.from === 'sdk');
    if (!row) {
      // Beyond Table A: nothing to compare the token with.
    } else if (row.botOk.includes('bot only')) expect(action.token).toBe('bot');
    else if (row.botOk.includes('user only')) expect(action.token).toBe('user');
    else expect(action.token).toMatch(/^either-/);
    for (const kind of ['bot', 'user'] as const) {
      const allowed = new Set(specScopes.flatMap((scope) => scope[kind]));
      // Table A writes "same" where the user scopes repeat the bot ones.
      const userCell = row?.userScopes.startsWith('same') ? row.botScopes : (row?.userScopes ?? '');
      const cell = kind === 'bot' ? (row?.botScopes ?? '') : userCell;
      const known = sdkScopes(kind);
      for (const scope of action.scopes[kind]) {
        const found = allowed.has(scope) || cell.includes(scope) || (fromSdk && known.has(scope));
        expect(found, `${action.id} ${kind} ${scope}`).toBe(true);
      }
      // A kind the action can run with needs scopes whenever Slack's spec names some (the SDK's
      // methods all need one).
      const usable = action.token === kind || action.token.startsWith('either');
      if (usable && (allowed.size > 0 || fromSdk)) {
        expect(action.scopes[kind].length, `${action.id} ${kind}`).toBeGreaterThan(0);
      }
      if (!usable) expect(action.scopes[kind]).toEqual([]);
    }
  });

  it('marks Share File Public URL user-only and the Slack Connect actions bot-only', () => {
    expect(actionById('share_file_public_url')?.token).toBe('user');
    for (const id of ['invite_shared_conversation', 'list_slack_connect_invites', 'lookup_discoverable_contact']) {
      expect(actionById(id)?.token).toBe('bot');
    }
  });
});
