import type { Services } from './services';

/**
 * The e2e build only: lets Playwright drive background work directly (the alarm's refresh pass,
 * calls made by the worker itself), exactly as the worker would, without waiting for timers.
 */
export function exposeForE2E(services: () => Promise<Services>): void {
  Object.assign(globalThis, {
    courierE2E: {
      refreshDue: async () => (await services()).refresher.refreshDue(),
      authTest: async (accountId: string, kind: 'bot' | 'user') => {
        const { store, transport, refresher } = await services();
        const account = await store.accounts.get(accountId);
        const profile = account && (await store.profiles.get(account.profileId));
        if (!profile) throw new Error('no such account');
        return refresher.withToken(accountId, kind, (token) =>
          transport(profile.baseUrl).call('auth.test', {}, { token }),
        );
      },
    },
  });
}
