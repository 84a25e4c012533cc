import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createIndex } from '@/lib/directory/filter';
import type { Target } from '@/lib/directory/target';
import { ask } from '@/lib/messaging/ask';
import type { AccountSummary, MessageType, RequestOf, SendResult } from '@/lib/protocol';
import type { Share } from '@/lib/share/share';
import { formatWhen } from '../When';
import { Composer, type ComposerProps } from './Composer';
import { UNDO_WINDOW_MS } from './SendResults';

vi.mock('@/lib/messaging/ask', () => ({ ask: vi.fn() }));
const askMock = vi.mocked(ask) as unknown as Mock<
  (type: MessageType, payload: Record<string, string>) => Promise<unknown>
>;

const target = (id: string, name: string, kind: Target['kind'] = 'channel'): Target => ({
  key: `acc-1:${id}`,
  accountId: 'acc-1',
  teamName: 'Acme Corp',
  id,
  kind,
  name,
  isMember: true,
});

const index = createIndex([target('C1', 'general'), target('C2', 'random'), target('C3', 'leadership', 'private')]);
const account: AccountSummary = {
  id: 'acc-1',
  profileId: 'prof-1',
  teamId: 'T0ACME001',
  teamName: 'Acme Corp',
  botScopes: [],
  userScopes: [],
  status: 'connected',
};
const page: Share = { kind: 'page', title: 'Example page', url: 'https://example.com/a' };

function sent(id: string, name: string, extra: Partial<SendResult> = {}): SendResult {
  return {
    key: `acc-1:${id}`,
    label: `#${name}`,
    accountId: 'acc-1',
    channel: id,
    state: 'sent',
    outboxId: `out-${id}`,
    ts: `1700000000.00000${id.slice(1)}`,
    permalink: `https://acme.slack.com/archives/${id}/p1700000000000001`,
    ...extra,
  };
}

/** Answers `send` with `results` and every other message with null. */
function answer(results: SendResult[] | Error) {
  askMock.mockImplementation((type: MessageType) => {
    if (type === 'send') return results instanceof Error ? Promise.reject(results) : Promise.resolve(results);
    if (type === 'directory.refresh') return Promise.resolve({ refreshed: 0 });
    if (type === 'workspaces.connect') return Promise.resolve(account);
    return Promise.resolve(null);
  });
}

function callsOf<K extends MessageType>(type: K): RequestOf<K>[] {
  return askMock.mock.calls.filter(([called]) => called === type).map(([, payload]) => payload as RequestOf<K>);
}

function setup(props: Partial<ComposerProps> = {}) {
  const onSent = vi.fn();
  render(
    <Composer
      share={page}
      directory={{ status: 'ready', index, workspaces: 1, accountIds: [account.id], refreshing: false }}
      accounts={[account]}
      onSent={onSent}
      {...props}
    />,
  );
  return { onSent, message: screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' }) };
}

function choose(query: string) {
  const picker = screen.getByRole('combobox', { name: 'Channels and people' });
  fireEvent.focus(picker);
  fireEvent.input(picker, { target: { value: query } });
  fireEvent.keyDown(picker, { key: 'Enter' });
}

async function settle() {
  await act(async () => {
    await Promise.resolve();
  });
}

beforeEach(() => {
  askMock.mockReset();
  answer([]);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Composer', () => {
  it('shows the page and sends the comment to every chosen target on Ctrl+Enter', async () => {
    answer([sent('C1', 'general'), sent('C2', 'random')]);
    const { message, onSent } = setup();
    expect(screen.getByText('Example page')).toBeTruthy();
    expect(screen.getByText('https://example.com/a')).toBeTruthy();
    choose('general');
    choose('random');
    fireEvent.input(message, { target: { value: 'Worth a read' } });
    fireEvent.keyDown(message, { key: 'Enter', ctrlKey: true });
    await settle();

    const [request] = callsOf('send');
    expect(request).toEqual({
      targets: [
        { key: 'acc-1:C1', accountId: 'acc-1', id: 'C1', label: '#general' },
        { key: 'acc-1:C2', accountId: 'acc-1', id: 'C2', label: '#random' },
      ],
      share: { ...page, comment: 'Worth a read' },
      unfurl: true,
    });
    expect(screen.getByTestId('send-status').textContent).toBe('Sent to #general and #random.');
    const results = within(screen.getByRole('list', { name: 'Send results' })).getAllByRole('listitem');
    expect(results).toHaveLength(2);
    const link = within(results[0]!).getByRole<HTMLAnchorElement>('link', { name: 'Open in Slack' });
    expect(link.href).toBe('https://acme.slack.com/archives/C1/p1700000000000001');
    expect(link.target).toBe('_blank');
    expect(message.value).toBe('');
    // The searches are gone from the picker; the chosen targets stay for the next send.
    const picker = screen.getByRole<HTMLInputElement>('combobox', { name: 'Channels and people' });
    expect(picker.value).toBe('');
    const chosen = screen.getByRole('list', { name: 'Channels and people: chosen' });
    expect(
      within(chosen)
        .getAllByRole('listitem')
        .map((chip) => chip.textContent),
    ).toEqual(['#general×', '#random×']);
    expect(onSent).toHaveBeenCalledOnce();
  });

  it("says which workspace's channels it cannot read until it reconnects, not nothing", () => {
    const globex = { ...account, id: 'acc-2', teamName: 'Globex', status: 'needs_reconnect' as const };
    setup({ accounts: [account, globex] });
    expect(screen.getByText("Courier can't read Globex's channels and people until it reconnects.")).toBeTruthy();
    expect(screen.queryByText(/can't read Acme/)).toBeNull();
  });

  it('sends with ⌘+Enter too, and asks for a target first', async () => {
    const { message } = setup();
    fireEvent.keyDown(message, { key: 'Enter', metaKey: true });
    await settle();
    expect(callsOf('send')).toHaveLength(0);
    expect(screen.getByTestId('send-status').textContent).toBe('Choose at least one channel or person.');
    choose('general');
    fireEvent.keyDown(message, { key: 'Enter', metaKey: true });
    await settle();
    expect(callsOf('send')).toHaveLength(1);
  });

  it('says on its send button how many targets it goes to, and when', () => {
    setup();
    const button = () => screen.getByRole('button', { name: /^Send/ });
    expect(button().textContent).toBe('Send');
    choose('general');
    expect(button().textContent).toBe('Send');
    choose('random');
    choose('leadership');
    expect(button().textContent).toBe('Send to 3');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Schedule for later' }));
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    tomorrow.setHours(9, 0, 0, 0);
    expect(button().textContent).toBe(`Send to 3 · ${formatWhen(tomorrow)}`);
    expect(button().textContent).toMatch(/^Send to 3 · Tomorrow, /);
    // A time that cannot be sent at does not name it; the field says why on Send.
    fireEvent.input(screen.getByLabelText('Send at'), { target: { value: '' } });
    expect(button().textContent).toBe('Send to 3');
    // Its visible text is its accessible name (WCAG 2.5.3).
    expect(button().getAttribute('aria-label')).toBeNull();
  });

  it('offers quick times next to the time field, as buttons that set it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2030, 4, 10, 15, 42)); // a Friday
    answer([sent('C1', 'general', { state: 'scheduled', ts: undefined, postAt: 1, scheduledMessageId: 'Q1' })]);
    setup();
    choose('general');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Schedule for later' }));
    const when = screen.getByLabelText<HTMLInputElement>('Send at');
    const quick = screen.getByRole('group', { name: 'Quick times' });
    const preset = (name: string) => within(quick).getByRole('button', { name });
    expect(when.value).toBe('2030-05-11T09:00');
    expect(preset('Tomorrow 9:00').getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(preset('In 1 hour'));
    expect(when.value).toBe('2030-05-10T16:42');
    expect(preset('In 1 hour').getAttribute('aria-pressed')).toBe('true');
    expect(preset('Tomorrow 9:00').getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('button', { name: /^Send/ }).textContent).toBe(
      `Send · ${formatWhen(new Date(2030, 4, 10, 16, 42))}`,
    );

    fireEvent.click(preset('Monday 9:00'));
    expect(when.value).toBe('2030-05-13T09:00');
    fireEvent.click(screen.getByRole('button', { name: /^Send/ }));
    await settle();
    expect(callsOf('send')[0]!.postAt).toBe(new Date(2030, 4, 13, 9, 0).getTime() / 1000);
  });

  it('Delete deletes the message and Edit updates it with the new comment', async () => {
    answer([sent('C1', 'general'), sent('C2', 'random')]);
    const { message } = setup();
    choose('general');
    choose('random');
    fireEvent.input(message, { target: { value: 'first take' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send to 2' }));
    await settle();
    const [general, random] = within(screen.getByRole('list', { name: 'Send results' })).getAllByRole('listitem');

    fireEvent.click(within(general!).getByRole('button', { name: 'Delete' }));
    await settle();
    expect(callsOf('message.delete')).toEqual([{ accountId: 'acc-1', channel: 'C1', ts: '1700000000.000001' }]);
    expect(general!.textContent).toContain('Removed.');
    expect(within(general!).queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(within(general!).queryByRole('link', { name: 'Open in Slack' })).toBeNull();

    fireEvent.click(within(random!).getByRole('button', { name: 'Edit' }));
    const edit = within(random!).getByRole<HTMLTextAreaElement>('textbox', { name: 'Edit message' });
    expect(edit.value).toBe('first take');
    fireEvent.input(edit, { target: { value: 'second take' } });
    fireEvent.click(within(random!).getByRole('button', { name: 'Save' }));
    await settle();
    expect(callsOf('message.update')).toEqual([
      {
        accountId: 'acc-1',
        channel: 'C2',
        ts: '1700000000.000002',
        text: 'second take\n<https://example.com/a|Example page>',
      },
    ]);
    expect(random!.textContent).toContain('Edited.');
  });

  it('offers Edit and Delete for a minute only', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    answer([sent('C1', 'general')]);
    setup();
    choose('general');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await settle();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeTruthy();
    await act(() => {
      vi.advanceTimersByTime(UNDO_WINDOW_MS + 1);
    });
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Open in Slack' })).toBeTruthy();
  });

  it('keeps what was typed when the send fails', async () => {
    answer(new Error('The background did not answer. Reload the extension and try again.'));
    const { message } = setup();
    choose('general');
    fireEvent.input(message, { target: { value: 'keep me' } });
    fireEvent.keyDown(message, { key: 'Enter', ctrlKey: true });
    await settle();
    expect(screen.getByTestId('send-status').textContent).toContain('did not answer');
    expect(message.value).toBe('keep me');
  });

  it('keeps what was typed when a target failed, and offers Join channel then Send again', async () => {
    answer([
      sent('C1', 'general'),
      sent('C2', 'random', {
        state: 'failed',
        ts: undefined,
        permalink: undefined,
        error: { kind: 'not_in_channel', message: 'Courier is not in #random.', canJoin: true },
      }),
    ]);
    const { message } = setup();
    choose('general');
    choose('random');
    fireEvent.input(message, { target: { value: 'keep me' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send to 2' }));
    await settle();
    expect(message.value).toBe('keep me');
    expect(screen.getByTestId('send-status').textContent).toBe('Sent to #general. Not sent to #random.');
    const failed = within(screen.getByRole('list', { name: 'Send results' })).getAllByRole('listitem')[1]!;
    expect(failed.textContent).toContain('Not sent: Courier is not in #random.');

    fireEvent.click(within(failed).getByRole('button', { name: 'Join channel' }));
    await settle();
    expect(callsOf('conversation.join')).toEqual([{ accountId: 'acc-1', channel: 'C2' }]);

    answer([sent('C2', 'random', { outboxId: 'out-again' })]);
    fireEvent.click(within(failed).getByRole('button', { name: 'Send again' }));
    await settle();
    const again = callsOf('send').at(-1)!;
    expect(again.targets).toEqual([{ key: 'acc-1:C2', accountId: 'acc-1', id: 'C2', label: '#random' }]);
    expect(again.share).toEqual({ ...page, comment: 'keep me' });
    // The failed item is replaced, not left in the outbox.
    expect(callsOf('outbox.discard')).toEqual([{ id: 'out-C2' }]);
    const rows = within(screen.getByRole('list', { name: 'Send results' })).getAllByRole('listitem');
    expect(rows[1]!.textContent).toContain('Sent.');
  });

  it('explains an invite for a private channel, and offers Reconnect for a missing scope', async () => {
    answer([
      sent('C3', 'leadership', {
        state: 'failed',
        error: { kind: 'not_in_channel', message: 'Courier is not in this private channel.' },
      }),
      sent('C1', 'general', {
        state: 'failed',
        error: { kind: 'missing_scope', message: 'Slack needs the chat:write scope.' },
      }),
    ]);
    setup();
    choose('leadership');
    choose('general');
    fireEvent.click(screen.getByRole('button', { name: 'Send to 2' }));
    await settle();
    const [privateRow, scopeRow] = within(screen.getByRole('list', { name: 'Send results' })).getAllByRole('listitem');
    expect(within(privateRow!).queryByRole('button', { name: 'Join channel' })).toBeNull();
    expect(privateRow!.textContent).toContain('invite it to the channel');

    fireEvent.click(within(scopeRow!).getByRole('button', { name: 'Reconnect' }));
    await settle();
    expect(callsOf('workspaces.connect')).toEqual([{ profileId: 'prof-1', team: 'T0ACME001' }]);
  });

  it('schedules for the chosen local time, replies in a thread and can turn previews off', async () => {
    answer([sent('C1', 'general', { state: 'scheduled', ts: undefined, postAt: 1, scheduledMessageId: 'Q1' })]);
    setup();
    choose('general');
    fireEvent.input(screen.getByRole('textbox', { name: 'Reply in thread' }), {
      target: { value: 'https://acme.slack.com/archives/C1/p1700000000000001' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Unfurl links' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Schedule for later' }));
    const when = screen.getByLabelText<HTMLInputElement>('Send at');
    const future = new Date(Date.now() + 2 * 86_400_000);
    future.setHours(9, 30, 0, 0);
    const pad = (n: number) => String(n).padStart(2, '0');
    const value = `${future.getFullYear()}-${pad(future.getMonth() + 1)}-${pad(future.getDate())}T09:30`;
    fireEvent.input(when, { target: { value } });
    fireEvent.click(screen.getByRole('button', { name: /^Send · / }));
    await settle();
    const [request] = callsOf('send');
    expect(request).toMatchObject({
      threadLink: 'https://acme.slack.com/archives/C1/p1700000000000001',
      unfurl: false,
      postAt: Math.floor(future.getTime() / 1000),
    });
    expect(screen.getByTestId('send-status').textContent).toBe('Scheduled for #general.');
  });

  it('refuses a time in the past and a link that is not a message link, next to the field', async () => {
    setup();
    choose('general');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Schedule for later' }));
    fireEvent.input(screen.getByLabelText('Send at'), { target: { value: '2020-01-01T09:00' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Reply in thread' }), {
      target: { value: 'https://example.com/not-slack' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await settle();
    expect(callsOf('send')).toHaveLength(0);
    expect(screen.getByLabelText('Send at').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Pick a time in the future.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Reply in thread' }).getAttribute('aria-invalid')).toBe('true');
  });

  it('sends only the message from a tab that is not a web page, and wants one then', async () => {
    const { message } = setup({ share: null });
    expect(screen.getByText(/only your message is sent/)).toBeTruthy();
    choose('general');
    fireEvent.keyDown(message, { key: 'Enter', ctrlKey: true });
    await settle();
    expect(callsOf('send')).toHaveLength(0);
    expect(message.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(message, { target: { value: 'Just words' } });
    fireEvent.keyDown(message, { key: 'Enter', ctrlKey: true });
    await settle();
    expect(callsOf('send')[0]!.share).toEqual({ kind: 'page', title: '', url: '', comment: 'Just words' });
  });

  it('quotes a selection with its source', () => {
    setup({ share: { kind: 'selection', text: 'A quoted line', pageTitle: 'Source', pageUrl: 'https://e.com/' } });
    expect(screen.getByText('A quoted line').tagName).toBe('BLOCKQUOTE');
    expect(screen.getByText('— Source')).toBeTruthy();
  });

  it('stars a target in storage from the picker', async () => {
    setup();
    const picker = screen.getByRole('combobox', { name: 'Channels and people' });
    fireEvent.focus(picker);
    fireEvent.input(picker, { target: { value: 'random' } });
    fireEvent.keyDown(picker, { key: 'd', ctrlKey: true });
    await vi.waitFor(async () =>
      expect(await fakeBrowser.storage.local.get('favourite-targets')).toEqual({
        'favourite-targets': ['acc-1:C2'],
      }),
    );
  });
});
