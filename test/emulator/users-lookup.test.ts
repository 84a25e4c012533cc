// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Tokens } from './helpers';
import { callApi, install, installOnly, userId } from './helpers';
import type { Emulator } from './index';
import { startEmulator } from './index';

interface UserBody {
  user: { id: string; name: string; real_name: string; locale?: string; profile: Record<string, unknown> };
}

let emu: Emulator;
let t: Tokens;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.state.reset();
  t = install(emu);
});

describe('users.info', () => {
  it('returns the user, with the email only under users:read.email', async () => {
    const sofia = userId(emu, 'sofia.rossi');
    const full = await callApi<UserBody>(emu, 'users.info', { user: sofia, include_locale: 'true' }, t.bot);
    expect(full.user).toMatchObject({
      id: sofia,
      name: 'sofia.rossi',
      real_name: 'Sofia Rossi',
      locale: 'en-US',
      profile: { email: 'sofia.rossi@acme.example.com', display_name: 'sofi' },
    });
    const narrow = installOnly(emu, { bot: ['users:read'] });
    const plain = await callApi<UserBody>(emu, 'users.info', { user: sofia }, narrow.bot);
    expect(plain.user.profile).not.toHaveProperty('email');
  });

  it('user_not_found, and missing_scope without users:read', async () => {
    expect((await callApi(emu, 'users.info', { user: 'U0NOBODY' }, t.bot)).error).toBe('user_not_found');
    const narrow = installOnly(emu, { bot: ['chat:write'] });
    expect(await callApi(emu, 'users.info', { user: t.userId }, narrow.bot)).toMatchObject({
      error: 'missing_scope',
      needed: 'users:read',
    });
  });
});

describe('users.lookupByEmail', () => {
  it('finds a person by email, case-insensitively', async () => {
    const found = await callApi<UserBody>(
      emu,
      'users.lookupByEmail',
      { email: 'Omar.Haddad@acme.example.com' },
      t.user,
    );
    expect(found.user).toMatchObject({
      id: userId(emu, 'omar.haddad'),
      profile: { email: 'omar.haddad@acme.example.com' },
    });
  });

  it('users_not_found, and needs users:read.email', async () => {
    expect((await callApi(emu, 'users.lookupByEmail', { email: 'nobody@acme.example.com' }, t.bot)).error).toBe(
      'users_not_found',
    );
    const narrow = installOnly(emu, { bot: ['users:read'] });
    expect(await callApi(emu, 'users.lookupByEmail', { email: 'x@y.z' }, narrow.bot)).toMatchObject({
      error: 'missing_scope',
      needed: 'users:read.email',
    });
  });
});

describe('users.profile.get', () => {
  it("returns the caller's profile by default, another's with user", async () => {
    const own = await callApi<{ profile: Record<string, unknown> }>(emu, 'users.profile.get', {}, t.user);
    expect(own.profile).toMatchObject({
      real_name: 'Maya Chen',
      title: 'Head of Product',
      email: 'maya.chen@acme.example.com',
      fields: {},
      status_text: '',
    });
    const other = await callApi<{ profile: Record<string, unknown> }>(
      emu,
      'users.profile.get',
      { user: userId(emu, 'kenji.watanabe') },
      t.bot,
    );
    expect(other.profile).toMatchObject({ real_name: 'Kenji Watanabe', first_name: 'Kenji', last_name: 'Watanabe' });
  });

  it('user_not_found, and needs users.profile:read', async () => {
    expect((await callApi(emu, 'users.profile.get', { user: 'U0NOBODY' }, t.bot)).error).toBe('user_not_found');
    const narrow = installOnly(emu, { bot: ['users:read'] });
    expect(await callApi(emu, 'users.profile.get', {}, narrow.bot)).toMatchObject({
      error: 'missing_scope',
      needed: 'users.profile:read',
    });
  });
});
