import { validateProfileInput } from '../auth/profile';
import { bumpRevision } from '../platform/revision';
import type { Handlers } from './router';
import type { Profile } from '../store/records';
import type { ProfileView } from '../protocol';
import type { Services } from './services';

/** Loopback Slack base URLs (the emulator) are accepted only by the e2e build. */
const ALLOW_LOOPBACK = import.meta.env.MODE.startsWith('e2e');

export function toProfileView(profile: Profile): ProfileView {
  const { clientSecret, createdAt: _created, updatedAt: _updated, ...rest } = profile;
  return { ...rest, hasSecret: Boolean(clientSecret) };
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
      const checked = validateProfileInput({ ...input, clientSecret }, { allowLoopback: ALLOW_LOOPBACK });
      if (!checked.ok) return { errors: checked.errors };
      const saved = await store.profiles.put({ ...checked.value, id: existing?.id ?? crypto.randomUUID() });
      await bumpRevision('profiles');
      return { saved: toProfileView(saved) };
    },
    'profiles.remove': async ({ id }) => {
      const { store, health } = await services();
      await store.profiles.remove(id);
      await Promise.all([bumpRevision('profiles'), bumpRevision('accounts'), health.updateBadge()]);
      return null;
    },
  };
}
