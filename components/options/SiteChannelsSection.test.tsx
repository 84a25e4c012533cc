import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIndex } from '@/lib/directory/filter';
import type { Target } from '@/lib/directory/target';
import { siteRules, type SiteRule } from '@/lib/store/settings';
import type { DirectoryView } from '../popup/useDirectory';
import { SiteChannelsSection } from './SiteChannelsSection';

const channel = (id: string, name: string, isMember = true): Target => ({
  key: `acc-1:${id}`,
  accountId: 'acc-1',
  teamName: 'Acme Corp',
  id,
  kind: 'channel',
  name,
  isMember,
});

const view: DirectoryView = {
  status: 'ready',
  index: createIndex([channel('C1', 'general'), channel('C2', 'random', false)]),
  workspaces: 1,
  accountIds: ['acc-1'],
  refreshing: false,
};
vi.mock('@/components/popup/useDirectory', () => ({ useDirectory: () => view }));

const rule = (site: string, id: string, label: string, account = 'acc-1'): SiteRule => ({
  site,
  key: `${account}:${id}`,
  label,
});

async function show(rules: SiteRule[]) {
  await siteRules.setValue(rules);
  render(<SiteChannelsSection />);
  return screen.findByRole('region', { name: 'Site channels' });
}

const status = () => screen.getByRole('status').textContent;

/** Types into a field, and lets the page render what was typed before the next event. */
async function type(input: HTMLInputElement, value: string) {
  fireEvent.input(input, { target: { value } });
  await act(async () => {
    await Promise.resolve();
  });
}

afterEach(() => cleanup());

describe('SiteChannelsSection', () => {
  it('says how to make a rule when there is none', async () => {
    const section = await show([]);
    expect(await within(section).findByText(/No site has a channel yet/)).toBeTruthy();
    expect(within(section).queryByRole('list')).toBeNull();
  });

  it('lists each rule with its site, and widens one to a host', async () => {
    await show([rule('github.com/acme', 'C1', '#general'), rule('example.com', 'C1', '#general')]);
    const sites = await screen.findAllByRole<HTMLInputElement>('textbox', { name: 'Site for #general' });
    expect(sites.map((input) => input.value)).toEqual(['github.com/acme', 'example.com']);
    await type(sites[0]!, 'https://www.GitHub.com/');
    fireEvent.click(screen.getAllByRole('button', { name: 'Save site for #general' })[0]!);
    await waitFor(() => expect(status()).toBe('Courier suggests #general on github.com.'));
    expect(await siteRules.getValue()).toEqual([
      rule('github.com', 'C1', '#general'),
      rule('example.com', 'C1', '#general'),
    ]);
    expect(screen.getAllByRole<HTMLInputElement>('textbox', { name: 'Site for #general' })[0]!.value).toBe(
      'github.com',
    );
  });

  it('narrows one to a path prefix with Enter', async () => {
    await show([rule('github.com', 'C1', '#general')]);
    const site = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Site for #general' });
    await type(site, 'github.com/acme/');
    fireEvent.submit(site.form!);
    await waitFor(() => expect(status()).toBe('Courier suggests #general on github.com/acme.'));
    expect((await siteRules.getValue())[0]?.site).toBe('github.com/acme');
  });

  it('refuses a site that is none, or that another rule has, and says so by the field', async () => {
    await show([rule('github.com', 'C1', '#general'), rule('example.com', 'C2', '#random')]);
    const site = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Site for #general' });
    await type(site, 'not a site');
    fireEvent.submit(site.form!);
    await waitFor(() => expect(site.getAttribute('aria-invalid')).toBe('true'));
    const error = () => document.getElementById(site.getAttribute('aria-describedby')!)?.textContent;
    expect(error()).toBe('Type a host, or a host and a path, such as github.com or github.com/acme.');
    await type(site, 'www.example.com');
    fireEvent.submit(site.form!);
    await waitFor(() => expect(error()).toBe('example.com has a rule of its own already: change or remove that one.'));
    expect(status()).toBe(error());
    expect((await siteRules.getValue()).map((r) => r.site)).toEqual(['github.com', 'example.com']);
  });

  it('removes a rule', async () => {
    await show([rule('github.com', 'C1', '#general'), rule('example.com', 'C1', '#general')]);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove the rule for github.com' }));
    await waitFor(() => expect(status()).toBe('Removed the rule for github.com.'));
    expect(await siteRules.getValue()).toEqual([rule('example.com', 'C1', '#general')]);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('says which rules the directory no longer backs: archived or left channels', async () => {
    await show([
      rule('github.com', 'C1', '#general'),
      rule('old.example.com', 'C9', '#old-project'),
      rule('example.com', 'C2', '#random'),
      rule('globex.example', 'C1', '#ops', 'acc-2'),
    ]);
    const items = await screen.findAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.site-rule__trouble')?.textContent ?? null)).toEqual([
      null,
      '#old-project is no longer in your channels: it was archived, or left. Courier sends nothing there from old.example.com: choose another channel in the popup on that site, or remove the rule.',
      '#random was left: Courier is not a member of it any more. Courier sends nothing there from example.com: choose another channel in the popup on that site, or remove the rule.',
      // A workspace whose directory is not read yet: nothing to say.
      null,
    ]);
  });
});
