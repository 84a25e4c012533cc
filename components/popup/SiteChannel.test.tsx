import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createIndex } from '@/lib/directory/filter';
import type { Target } from '@/lib/directory/target';
import { ask } from '@/lib/messaging/ask';
import type { AccountSummary } from '@/lib/protocol';
import type { Share } from '@/lib/share/share';
import { siteRules, type SiteRule } from '@/lib/store/settings';
import { Composer } from './Composer';
import type { DirectoryView } from './useDirectory';

vi.mock('@/lib/messaging/ask', () => ({ ask: vi.fn() }));

const target = (id: string, name: string, extra: Partial<Target> = {}): Target => ({
  key: `acc-1:${id}`,
  accountId: 'acc-1',
  teamName: 'Acme Corp',
  id,
  kind: 'channel',
  name,
  isMember: true,
  ...extra,
});

const index = createIndex([
  target('C1', 'general'),
  target('C2', 'random'),
  target('C4', 'watercooler', { isMember: false }),
  target('U1', 'maya', { kind: 'user', isMember: undefined }),
]);
const ready: DirectoryView = { status: 'ready', index, workspaces: 1, accountIds: ['acc-1'], refreshing: false };
const account: AccountSummary = {
  id: 'acc-1',
  profileId: 'prof-1',
  teamId: 'T0ACME001',
  teamName: 'Acme Corp',
  botScopes: [],
  userScopes: [],
  status: 'connected',
};
const onGithub: Share = { kind: 'page', title: 'A pull request', url: 'https://github.com/acme/site/pull/7' };
const rule = (site: string, id: string, label: string): SiteRule => ({ site, key: `acc-1:${id}`, label });

function open(share: Share | null = onGithub, directory: DirectoryView = ready) {
  return render(<Composer share={share} directory={directory} accounts={[account]} />);
}

/** Opened, with the stored rules read. */
async function opened(share: Share | null = onGithub) {
  open(share);
  await settle();
}

/** The site's channel loaded (it comes after the picker) and the stored rules read. */
async function settle() {
  await act(async () => {
    await import('./SiteChannel');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const chips = () =>
  screen.queryByRole('list', { name: 'Channels and people: chosen' })
    ? within(screen.getByRole('list', { name: 'Channels and people: chosen' }))
        .getAllByRole('listitem')
        .map((chip) => chip.textContent)
    : [];

function choose(query: string) {
  const picker = screen.getByRole('combobox', { name: 'Channels and people' });
  fireEvent.focus(picker);
  fireEvent.input(picker, { target: { value: query } });
  fireEvent.keyDown(picker, { key: 'Enter' });
}

const suggest = (site: string) =>
  screen.queryByRole<HTMLInputElement>('checkbox', { name: `Always suggest this channel on ${site}` });

beforeEach(() => {
  vi.mocked(ask).mockReset();
  vi.mocked(ask).mockResolvedValue(null);
});

afterEach(() => cleanup());

describe('the site channel in the popup', () => {
  it('preselects the target of the rule the page falls under, the longest prefix winning', async () => {
    await siteRules.setValue([rule('github.com', 'C2', '#random'), rule('github.com/acme', 'C1', '#general')]);
    open();
    await waitFor(() => expect(chips()).toEqual(['#general×']));
    expect(suggest('github.com/acme')?.checked).toBe(true);
    expect(screen.queryByTestId('site-rule-trouble')).toBeNull();
  });

  it('preselects nothing on a page no rule is for', async () => {
    await siteRules.setValue([rule('github.com', 'C2', '#random')]);
    open({ kind: 'selection', text: 'Quote', pageTitle: 'Elsewhere', pageUrl: 'https://example.com/a' });
    await settle();
    expect(chips()).toEqual([]);
  });

  it('waits for the rule’s workspace directory before it decides', async () => {
    await siteRules.setValue([rule('github.com', 'C1', '#general')]);
    const { rerender } = open(onGithub, { ...ready, index: createIndex([]), workspaces: 0, accountIds: [] });
    await settle();
    expect(screen.queryByTestId('site-rule-trouble')).toBeNull();
    rerender(<Composer share={onGithub} directory={ready} accounts={[account]} />);
    await waitFor(() => expect(chips()).toEqual(['#general×']));
  });

  it('says so instead of choosing a channel that was archived (no longer in the directory)', async () => {
    await siteRules.setValue([rule('github.com', 'C7', '#old-project')]);
    open();
    const trouble = await screen.findByTestId('site-rule-trouble');
    expect(trouble.textContent).toBe(
      '#old-project is no longer in your channels: it was archived, or left. Courier no longer suggests it on github.com: choose another channel, or change the rule in the options.',
    );
    expect(chips()).toEqual([]);
  });

  it('says so instead of choosing a channel that was left, and lets another channel take the rule', async () => {
    await siteRules.setValue([rule('github.com', 'C4', '#watercooler')]);
    open();
    const trouble = await screen.findByTestId('site-rule-trouble');
    expect(trouble.textContent).toMatch(/^#watercooler was left: Courier is not a member of it any more\. /);
    expect(chips()).toEqual([]);
    choose('random');
    const box = suggest('github.com');
    expect(box?.checked).toBe(false);
    fireEvent.click(box!);
    await waitFor(() => expect(screen.queryByTestId('site-rule-trouble')).toBeNull());
    expect(await siteRules.getValue()).toEqual([rule('github.com', 'C2', '#random')]);
    expect(suggest('github.com')?.checked).toBe(true);
  });

  it('makes a rule for the page’s host from the one chosen target, and removes it again', async () => {
    await opened({ kind: 'page', title: 'Home', url: 'https://www.github.com/' });
    expect(suggest('github.com')).toBeNull();
    choose('general');
    const box = suggest('github.com')!;
    expect(box.checked).toBe(false);
    // Said what it does, in words tied to the box.
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toMatch(/shortcut/);
    fireEvent.click(box);
    await waitFor(() => expect(suggest('github.com')?.checked).toBe(true));
    expect(await siteRules.getValue()).toEqual([rule('github.com', 'C1', '#general')]);
    fireEvent.click(suggest('github.com')!);
    await waitFor(() => expect(suggest('github.com')?.checked).toBe(false));
    expect(await siteRules.getValue()).toEqual([]);
  });

  it('is offered only for one chosen target Courier can send to, on a web page', async () => {
    await opened();
    choose('general');
    expect(suggest('github.com')).not.toBeNull();
    choose('random');
    expect(suggest('github.com')).toBeNull();
    cleanup();
    await opened();
    choose('watercooler');
    expect(suggest('github.com')).toBeNull();
    cleanup();
    await opened();
    choose('maya');
    expect(suggest('github.com')).not.toBeNull();
    cleanup();
    await opened(null);
    choose('general');
    expect(screen.queryByRole('checkbox', { name: /^Always suggest/ })).toBeNull();
  });

  it('keeps what the person chose before the rules were read', async () => {
    await fakeBrowser.storage.local.set({ 'site-rules': [rule('github.com', 'C1', '#general')] });
    open();
    choose('random');
    await settle();
    expect(chips()).toEqual(['#random×']);
  });
});
