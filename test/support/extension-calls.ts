import type { Page, Worker } from '@playwright/test';
import type { Emulator } from '../emulator/index';
import type { AccountSummary, MessageType, Reply, RequestOf, ResponseOf } from '../../lib/protocol';

/** Sends a protocol message from an extension page, as the popup or options page would. */
export async function askFrom<K extends MessageType>(
  page: Page,
  type: K,
  payload: RequestOf<K>,
): Promise<Reply<ResponseOf<K>>> {
  return page.evaluate(
    ([type, payload]) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({
        courier: 1,
        type,
        payload,
      }),
    [type, payload] as const,
  ) as Promise<Reply<ResponseOf<K>>>;
}

export async function linkedAccounts(page: Page): Promise<AccountSummary[]> {
  const reply = await askFrom(page, 'accounts.list', {});
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

/** Stops every service worker through the DevTools protocol, as the browser does when idle. */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** auth.test made by the worker itself through the e2e build's hook (the same call path). */
export function authTestInWorker(worker: Worker, accountId: string, kind: 'bot' | 'user'): Promise<unknown> {
  return worker.evaluate(
    ([accountId, kind]) =>
      (
        globalThis as unknown as { courierE2E: { authTest(a: string, k: string): Promise<unknown> } }
      ).courierE2E.authTest(accountId, kind),
    [accountId, kind] as const,
  );
}

/** A seeded conversation of a demo workspace, by name (Acme Corp unless told). */
export function conversationNamed(emulator: Emulator, name: string, team = 'T0ACME001') {
  const found = emulator.state.workspaces.get(team)?.conversations.find((conversation) => conversation.name === name);
  if (!found) throw new Error(`The emulator's ${team} has no conversation named ${name}`);
  return found;
}

/** A channel of the emulator as a send target of the linked account, labelled as the picker would. */
export function channelTarget(accountId: string, conversation: { id: string; name: string }) {
  return { key: `${accountId}:${conversation.id}`, accountId, id: conversation.id, label: `#${conversation.name}` };
}
