import { validateProfileInput } from '../../auth/profile';
import { bumpRevision } from '../../platform/revision';
import { revokeAccount } from '../../auth/revoke-account';
import type { Handlers } from '../../messaging/router';
import type { Profile } from '../../store/records';
import type { ProfileView } from '../../protocol';
import type { Services } from '../services';

/** Loopback Slack base URLs (the emulator) are accepted only by the e2e build (read per call: tests stub it). */
const allowLoopback = () => import.meta.env.MODE.startsWith('e2e');

export function toProfileView(profile: Profile): ProfileView {
  const { clientSecret, createdAt: _created, updatedAt: _updated, ...rest } = profile;
  return { ...rest, hasSecret: Boolean(clientSecret) };
}

function movedBaseUrl(baseUrl: string, linked: number): string {
  const them =
    linked === 1 ? 'the workspace linked with this profile' : `the ${linked} workspaces linked with this profile`;
  return `Disconnect ${them} first, or make a new profile for the other address: their tokens belong to ${baseUrl} and Courier will not send them anywhere else.`;
}

export function profileHandlers(
  services: () => Promise<Services>,
): Pick<Handlers, 'profiles.list' | 'profiles.save' | 'profiles.remove'> {
  return {
    'profiles.list': async () => {
      const { store } = await services();
      return (await store.profiles.list()).map(toProfileView).sort((a, b) => a.name.localeCompare(b.name));
    },
    'profiles.save': async (input) => {
      const { store } = await services();
      const existing = input.id ? await store.profiles.get(input.id) : undefined;
      // An empty secret field on an existing profile means "keep the stored one".
      const clientSecret = input.clientSecret?.trim() || existing?.clientSecret;
      const checked = validateProfileInput({ ...input, clientSecret }, { allowLoopback: allowLoopback() });
      if (!checked.ok) return { errors: checked.errors };
      const moved = existing && existing.baseUrl !== checked.value.baseUrl;
      const linked = moved ? await store.accounts.listByProfile(existing.id) : [];
      // Linked tokens and the stored secret belong to the Slack that issued them; a new base URL
      // would send them to another host on the next call or refresh.
      if (existing && linked.length > 0) return { errors: { baseUrl: movedBaseUrl(existing.baseUrl, linked.length) } };
      const saved = await store.profiles.put({ ...checked.value, id: existing?.id ?? crypto.randomUUID() });
      await bumpRevision('profiles');
      return { saved: toProfileView(saved) };
    },
    'profiles.remove': async ({ id }) => {
      const all = await services();
      const accounts = await all.store.accounts.listByProfile(id);
      const unrevoked = (await Promise.all(accounts.map((account) => revokeAccount(all, account)))).filter(Boolean);
      // Removed here either way, as Disconnect does; the sentence says what is left to do at Slack.
      await all.store.profiles.remove(id);
      await Promise.all([bumpRevision('profiles'), bumpRevision('accounts'), all.health.updateBadge()]);
      return unrevoked.length > 0 ? { unrevoked: ['Removed.', ...unrevoked].join(' ') } : {};
    },
  };
}
