import { askFrom, authTestInWorker, stopServiceWorkers } from '../support/extension-calls';
import { linkDemoWorkspace } from '../support/options-page';
import { expect, test } from './fixtures';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test.describe('rotating tokens', () => {
  test('keeps working through 50+ refreshes with the worker stopped in between', async ({
    context,
    emulator,
    openPage,
  }) => {
    test.setTimeout(180_000);
    emulator.state.configure({ tokenLifetimeSeconds: 1 });
    const { page } = await openPage('options.html');
    const account = await linkDemoWorkspace(context, page, emulator.url);

    const refreshes = () =>
      Object.values(emulator.state.stats().refreshes).reduce((sum, chain) => sum + chain.refreshes, 0);
    const failures: string[] = [];
    for (let round = 0; refreshes() < 50; round++) {
      expect(round, 'rounds needed for 50 refreshes').toBeLessThan(80);
      if (round % 5 === 4) await stopServiceWorkers(page);
      for (const kind of ['bot', 'user'] as const) {
        const reply = await askFrom(page, 'workspaces.check', { accountId: account.id, kind });
        if (!reply.ok) failures.push(`${round}/${kind}: ${reply.error.message}`);
      }
      // Past the 1 s lifetime, so every round needs a fresh pair.
      await sleep(1_050);
    }
    expect(failures).toEqual([]);
    expect(refreshes()).toBeGreaterThanOrEqual(50);
    expect(emulator.state.stats().calls['auth.test']).toBeGreaterThanOrEqual(50);
    await expect(page.getByRole('row', { name: /Acme Corp/ })).toContainText('Connected');
  });

  test('50 concurrent calls from a page and the worker at expiry refresh each chain exactly once', async ({
    context,
    emulator,
    openPage,
    serviceWorker,
  }) => {
    emulator.state.configure({ tokenLifetimeSeconds: 3 });
    const { page } = await openPage('options.html');
    const account = await linkDemoWorkspace(context, page, emulator.url);
    const before = emulator.state.stats().refreshes;
    expect(Object.values(before).every((chain) => chain.refreshes === 0)).toBe(true);

    await sleep(3_100); // both chains have just expired
    const kinds = Array.from({ length: 50 }, (_, i): 'bot' | 'user' => (i % 2 === 0 ? 'bot' : 'user'));
    const results = await Promise.allSettled(
      kinds.map((kind, i) =>
        i < 25
          ? askFrom(page, 'workspaces.check', { accountId: account.id, kind }).then((reply) => {
              if (!reply.ok) throw new Error(reply.error.message);
            })
          : authTestInWorker(serviceWorker, account.id, kind),
      ),
    );
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const after = Object.values(emulator.state.stats().refreshes);
    expect(after).toHaveLength(2);
    for (const chain of after) expect(chain.refreshes, `${chain.type} chain refreshes`).toBe(1);
  });
});
