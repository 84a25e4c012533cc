import { askFrom, linkDemoWorkspace, texts, waitForSuspension } from '../support/firefox-page';
import { expect, test } from './fixtures';

// Firefox suspends the event page after 1 s without events (its default is 30 s).
test.use({ idleTimeoutMs: 1_000 });

test('rotating tokens keep working through refreshes with the event page suspended in between', async ({
  emulator,
  firefox,
  options,
}) => {
  emulator.state.configure({ tokenLifetimeSeconds: 1 });
  const { page, errors } = options;
  const account = await linkDemoWorkspace(firefox, page, emulator.url);
  const startedAt = async () => {
    const reply = await askFrom(page, 'ping', {});
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value.startedAt;
  };

  const refreshes = () =>
    Object.values(emulator.state.stats().refreshes).reduce((sum, chain) => sum + chain.refreshes, 0);
  const instances = new Set<number>([await startedAt()]);
  const failures: string[] = [];
  for (let round = 0; round < 5; round++) {
    // Suspended after 1 s idle, so past the 1 s lifetime too: a fresh pair is needed, from a new
    // event page that knows the chain only from IndexedDB.
    await waitForSuspension(page);
    for (const kind of ['bot', 'user'] as const) {
      const reply = await askFrom(page, 'workspaces.check', { accountId: account.id, kind });
      if (!reply.ok) failures.push(`${round}/${kind}: ${reply.error.message}`);
    }
    instances.add(await startedAt());
  }
  expect(failures).toEqual([]);
  expect(refreshes()).toBeGreaterThanOrEqual(10);
  // Every round ran in an event page started after the previous one was suspended.
  expect(instances.size).toBe(6);
  expect(emulator.state.refreshLog().every((entry) => entry.outcome === 'ok')).toBe(true);
  await expect.poll(() => texts(page, 'tr')).toContainEqual(expect.stringMatching(/Acme Corp.*Connected/));
  expect(errors).toEqual([]);
});
