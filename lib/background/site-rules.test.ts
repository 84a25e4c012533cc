import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toColumns } from '../directory/columns';
import type { Target } from '../directory/target';
import type { DirectoryRecord } from '../store/sending-records';
import { recentTargets, siteRules } from '../store/settings';
import { sendPageToLast } from './commands';
import { openComposeWindow, sendWithFeedback } from './menus';
import type { Services } from './services';
import { siteRuleTarget } from './site-rules';

vi.mock('./menus', () => ({ openComposeWindow: vi.fn(), sendWithFeedback: vi.fn() }));

const ACCOUNT = 'prof-1:T0ACME001';
const channel = (id: string, name: string, isMember: boolean): Target => ({
  key: `${ACCOUNT}:${id}`,
  accountId: ACCOUNT,
  teamName: 'Acme Corp',
  id,
  kind: 'channel',
  name,
  isMember,
});

const record: DirectoryRecord = {
  accountId: ACCOUNT,
  teamName: 'Acme Corp',
  refreshedAt: 1,
  ...toColumns([channel('C1', 'general', true), channel('C2', 'random', false)]),
};

function servicesWith(records: DirectoryRecord[]): () => Promise<Services> {
  const services = {
    store: { directory: { get: (id: string) => Promise.resolve(records.find((r) => r.accountId === id)) } },
  } as unknown as Services;
  return () => Promise.resolve(services);
}

const rule = (site: string, id: string, label: string) => ({ site, key: `${ACCOUNT}:${id}`, label });
const notices = async () =>
  Object.values((await fakeBrowser.notifications.getAll()) as Record<string, { title: string; message: string }>);
const page = { url: 'https://github.com/acme/site/pull/7', title: 'A pull request' };

beforeEach(() => {
  vi.mocked(sendWithFeedback).mockReset();
  vi.mocked(openComposeWindow).mockReset();
});

describe('siteRuleTarget', () => {
  it('is the rule’s target while the directory lists it as a channel Courier is in', async () => {
    const services = await servicesWith([record])();
    await expect(siteRuleTarget(services, rule('github.com', 'C1', '#general'))).resolves.toEqual({
      key: `${ACCOUNT}:C1`,
      accountId: ACCOUNT,
      id: 'C1',
      label: '#general',
    });
    expect(await notices()).toEqual([]);
  });

  it('says so instead, in a notification, when the channel was archived or left', async () => {
    const services = await servicesWith([record])();
    await expect(siteRuleTarget(services, rule('github.com/acme', 'C7', '#old-project'))).resolves.toBeNull();
    await expect(siteRuleTarget(services, rule('github.com', 'C2', '#random'))).resolves.toBeNull();
    expect(await notices()).toEqual([
      expect.objectContaining({
        title: 'Not sent to #old-project',
        message:
          "#old-project is no longer in your channels: it was archived, or left. Choose another channel for github.com/acme in the popup, or change the rule in Courier's options (Site channels).",
      }),
      expect.objectContaining({ title: 'Not sent to #random' }),
    ]);
    expect((await notices())[1]?.message).toMatch(/^#random was left: Courier is not a member of it any more\. /);
  });

  it('leaves a workspace whose directory was never read to the send itself', async () => {
    const services = await servicesWith([])();
    await expect(siteRuleTarget(services, rule('github.com', 'C7', '#old-project'))).resolves.toMatchObject({
      id: 'C7',
    });
  });
});

describe('the send-to-last shortcut with site rules', () => {
  beforeEach(async () => {
    await recentTargets.setValue([{ key: `${ACCOUNT}:C2`, label: '#random' }]);
  });

  it('sends to the rule of the page’s site, the most specific one, instead of the last target', async () => {
    await siteRules.setValue([rule('github.com', 'C2', '#random'), rule('github.com/acme', 'C1', '#general')]);
    await sendPageToLast(servicesWith([record]), page);
    expect(vi.mocked(sendWithFeedback).mock.calls.map(([, share, target]) => [share, target])).toEqual([
      [
        { kind: 'page', ...page },
        { key: `${ACCOUNT}:C1`, accountId: ACCOUNT, id: 'C1', label: '#general' },
      ],
    ]);
  });

  it('sends nothing when the rule’s channel is gone, and says why', async () => {
    await siteRules.setValue([rule('github.com', 'C7', '#old-project')]);
    await sendPageToLast(servicesWith([record]), page);
    expect(sendWithFeedback).not.toHaveBeenCalled();
    expect(openComposeWindow).not.toHaveBeenCalled();
    expect((await notices()).map((notice) => notice.title)).toEqual(['Not sent to #old-project']);
  });

  it('sends to the last target on a site without a rule', async () => {
    await siteRules.setValue([rule('github.com', 'C1', '#general')]);
    await sendPageToLast(servicesWith([record]), { url: 'https://example.com/', title: 'Elsewhere' });
    expect(vi.mocked(sendWithFeedback).mock.calls[0]?.[2]).toMatchObject({ id: 'C2', label: '#random' });
  });
});
