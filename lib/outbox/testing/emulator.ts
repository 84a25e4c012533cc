// Test support: real Services over this test's fake IndexedDB with a workspace of the emulator
// linked, and the outbox items and emulator reads the outbox tests share.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Emulator } from '../../../test/emulator/index';
import { DEMO_APP, startEmulator } from '../../../test/emulator/index';
import { linkFromBody, testProfile } from '../../auth/testing/linked';
import type { OutboxItem } from '../../store/sending-records';
import { accountContext } from '../../actions/account-context';
import { callsFor } from '../../actions/account-context';
import { OUTBOX_EVENT } from '../delivery';
import type { Services, ServicesOptions } from '../../background/services';
import { createServices } from '../../background/services';

export const TEAM = 'T0ACME001';
export const BOT_SCOPES = ['chat:write', 'chat:write.public', 'channels:history', 'groups:history', 'channels:read'];
export const USER_SCOPES = ['chat:write', 'channels:history', 'groups:history', 'channels:read'];

let seq = 0;

/** One emulator for the file, reset before each test: the outbox tests' usual lifecycle. */
export function useEmulator(): () => Emulator {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator?.close();
  });
  beforeEach(() => {
    emulator?.state.reset();
  });
  return () => {
    if (!emulator) throw new Error('The emulator starts in beforeAll');
    return emulator;
  };
}

export function outboxSupport(emulator: () => Emulator) {
  const channelId = (name: string): string => {
    const conv = emulator()
      .state.workspaces.get(TEAM)
      ?.conversations.find((c) => c.name === name);
    if (!conv) throw new Error(`No channel ${name}`);
    return conv.id;
  };

  /** Messages the API stored in a channel carrying the outbox id. */
  const copiesOf = (channel: string, outboxId: string) =>
    emulator()
      .state.listMessages({ team: TEAM, channel })
      .filter((m) => m.metadata?.event_type === OUTBOX_EVENT && m.metadata.event_payload.outbox_id === outboxId);

  const calls = (method: string) => emulator().state.stats().calls[method] ?? 0;

  /** Real Services (the default 'courier' database in this test's fresh fake-indexeddb) with Acme linked. */
  async function linked(botScopes = BOT_SCOPES, options: ServicesOptions = {}) {
    const services: Services = await createServices(options);
    const profile = await services.store.profiles.put(testProfile(emulator().url, DEMO_APP));
    const body = emulator().state.install({ teamId: TEAM, botScopes, userScopes: USER_SCOPES });
    const account = await linkFromBody(services.store, profile, body, Date.now());
    const db = services.store.db;
    return {
      services,
      account,
      item(channel: string, overrides: Partial<OutboxItem> = {}): OutboxItem {
        seq += 1;
        return {
          id: `outbox-${seq}-${Math.random().toString(16).slice(2)}`,
          accountId: account.id,
          channel,
          label: `#${channel}`,
          text: `Message ${seq}`,
          unfurl: false,
          state: 'pending',
          attempts: 0,
          createdAt: Date.now() + seq,
          nextAttemptAt: 0,
          ...overrides,
        };
      },
      stored: (id: string) => db.get('outbox', id),
      history: (id: string) => db.get('history', id),
      /** Makes a pending item due now without waiting out its backoff. */
      async makeDue(id: string) {
        const item = await db.get('outbox', id);
        if (!item) throw new Error(`No outbox item ${id}`);
        await db.put('outbox', { ...item, nextAttemptAt: 0 });
      },
      /** Posts as the bot directly, as an earlier (lost) attempt or a browser resend would have. */
      async postCopy(item: OutboxItem): Promise<string> {
        const api = callsFor(await accountContext(services, account.id), 'bot');
        const body = await api.call('chat.postMessage', {
          channel: item.channel,
          text: item.text,
          metadata: { event_type: OUTBOX_EVENT, event_payload: { outbox_id: item.id } },
        });
        return String(body.ts);
      },
    };
  }

  return { channelId, copiesOf, calls, linked };
}

/** Waits until `check` holds, polling; throws with `what` after `ms`. */
export async function eventually(check: () => Promise<boolean>, what: string, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
