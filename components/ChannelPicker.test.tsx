import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Target, TargetKind } from '@/lib/directory/target';
import { ChannelPicker, type ChannelPickerProps } from './ChannelPicker';

function target(name: string, kind: TargetKind = 'channel', extra: Partial<Target> = {}): Target {
  const accountId = extra.accountId ?? 'A1';
  const id = extra.id ?? `${kind === 'user' ? 'U' : 'C'}-${name}`;
  return { key: `${accountId}:${id}`, accountId, teamName: 'Acme', id, kind, name, ...extra };
}

const directory = [
  target('general', 'channel', { isMember: true }),
  target('design', 'channel', { isMember: true }),
  target('eng-backend', 'private', { isMember: true }),
  target('random', 'channel', { isMember: true }),
  target('old-news', 'channel', { isMember: true, archived: true }),
  target('maya', 'user', { realName: 'Maya Chen' }),
];

type HarnessProps = Partial<Omit<ChannelPickerProps, 'targets' | 'index' | 'selected'>> & {
  targets?: readonly Target[];
  initial?: string[];
};

/** Holds the selection like a real page would, and reports every change. */
function Harness({ targets = directory, initial = [], onChange, ...rest }: HarnessProps) {
  const [selected, setSelected] = useState(initial);
  return (
    <ChannelPicker
      {...rest}
      targets={targets}
      selected={selected}
      onChange={(next) => {
        setSelected(next);
        onChange?.(next);
      }}
    />
  );
}

function setup(props: HarnessProps = {}) {
  const view = render(<Harness {...props} />);
  const input = screen.getByRole<HTMLInputElement>('combobox', { name: props.label ?? 'Channel' });
  fireEvent.focus(input);
  return { ...view, input };
}

const key = (input: HTMLElement, key: string, init: KeyboardEventInit = {}) =>
  fireEvent.keyDown(input, { key, ...init });
const type = (input: HTMLElement, value: string) => fireEvent.input(input, { target: { value } });
const optionNames = () => screen.queryAllByRole('option').map((option) => option.textContent);
const activeOption = (input: HTMLElement) => {
  const id = input.getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('ChannelPicker', () => {
  it('is a labelled combobox controlling a multi-select listbox', () => {
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'Channel' });
    expect(input.getAttribute('aria-autocomplete')).toBe('list');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.getAttribute('aria-activedescendant')).toBeNull();

    fireEvent.focus(input);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const listbox = screen.getByRole('listbox', { name: 'Channel' });
    expect(input.getAttribute('aria-controls')).toBe(listbox.id);
    expect(listbox.getAttribute('aria-multiselectable')).toBe('true');
    const options = within(listbox).getAllByRole('option');
    // Empty query: conversations the user is in, alphabetically; never archived ones.
    expect(options.map((option) => option.textContent)).toEqual(['#design', 'eng-backend', '#general', '#random']);
    expect(options.map((option) => option.getAttribute('aria-posinset'))).toEqual(['1', '2', '3', '4']);
    expect(options.every((option) => option.getAttribute('aria-setsize') === '4')).toBe(true);
    expect(options.every((option) => option.getAttribute('aria-selected') === 'false')).toBe(true);
    expect(activeOption(input)).toBe(options[0]);
  });

  it('takes its label from a prop', () => {
    setup({ label: 'Send to' });
    expect(screen.getByRole('listbox', { name: 'Send to' })).toBeTruthy();
  });

  it('filters as you type, people included, with their real names', () => {
    const { input } = setup();
    type(input, 'chen');
    expect(optionNames()).toEqual(['@mayaMaya Chen']);
    type(input, '#e');
    expect(optionNames()).toEqual(['eng-backend', '#design', '#general']);
    type(input, 'zzz');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByText('No matching channels or people.')).toBeTruthy();
  });

  it('moves with Up, Down, Home, End, PageUp and PageDown, keeping the active option rendered', () => {
    const many = Array.from({ length: 100 }, (_, i) =>
      target(`c${String(i).padStart(3, '0')}`, 'channel', { isMember: true }),
    );
    const { input } = setup({ targets: many, listHeight: 320 }); // 10 rows in view
    const position = () => activeOption(input)?.getAttribute('aria-posinset');
    expect(position()).toBe('1');
    key(input, 'ArrowDown');
    key(input, 'ArrowDown');
    expect(position()).toBe('3');
    key(input, 'ArrowUp');
    expect(position()).toBe('2');
    key(input, 'ArrowUp');
    key(input, 'ArrowUp');
    expect(position()).toBe('1');
    key(input, 'PageDown');
    expect(position()).toBe('10');
    key(input, 'End');
    expect(position()).toBe('100');
    expect(activeOption(input)?.classList.contains('active')).toBe(true);
    key(input, 'ArrowDown');
    expect(position()).toBe('100');
    key(input, 'PageUp');
    expect(position()).toBe('91');
    key(input, 'Home');
    expect(position()).toBe('1');
  });

  it('closes on Escape, clears on a second Escape, and reopens on Down', () => {
    const { input } = setup();
    type(input, 'gen');
    key(input, 'Escape');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('gen');
    key(input, 'Escape');
    expect(input.value).toBe('');
    key(input, 'ArrowDown');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(optionNames()).toHaveLength(4);
  });

  it('toggles targets with Enter, several at once, shown as removable chips', () => {
    const onChange = vi.fn();
    const { input } = setup({ onChange });
    key(input, 'Enter'); // #design
    key(input, 'ArrowDown');
    key(input, 'ArrowDown');
    key(input, 'Enter'); // #general
    expect(onChange).toHaveBeenLastCalledWith(['A1:C-design', 'A1:C-general']);
    const selected = screen.getAllByRole('option').filter((option) => option.getAttribute('aria-selected') === 'true');
    expect(selected.map((option) => option.textContent)).toEqual(['✓#design', '✓#general']);
    expect(screen.getByRole('button', { name: 'Remove #design' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove #general' })).toBeTruthy();

    key(input, 'Enter'); // #general again: removed
    expect(onChange).toHaveBeenLastCalledWith(['A1:C-design']);
    expect(screen.queryByRole('button', { name: 'Remove #general' })).toBeNull();
  });

  it('empties a typed search once its result is chosen, keeping the chips, and closes the list', () => {
    const onChange = vi.fn();
    const { input } = setup({ onChange });
    type(input, 'gen');
    key(input, 'Enter');
    expect(onChange).toHaveBeenLastCalledWith(['A1:C-general']);
    expect(input.value).toBe('');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole('list', { name: 'Channel: chosen' }).textContent).toContain('general');

    // The next name goes into an empty box, by keyboard or by pointer.
    type(input, 'rand');
    fireEvent.click(screen.getByRole('option', { name: /random/ }));
    expect(onChange).toHaveBeenLastCalledWith(['A1:C-general', 'A1:C-random']);
    expect(input.value).toBe('');
    // Browsing the whole list keeps it open for more.
    key(input, 'ArrowDown');
    key(input, 'Enter');
    expect(onChange).toHaveBeenLastCalledWith(['A1:C-general', 'A1:C-random', 'A1:C-design']);
    expect(input.getAttribute('aria-expanded')).toBe('true');
  });

  it('removes a chip with its button and gives focus back to the input', () => {
    const onChange = vi.fn();
    setup({ onChange, initial: ['A1:C-general', 'A1:U-maya'] });
    fireEvent.click(screen.getByRole('button', { name: 'Remove #general' }));
    expect(onChange).toHaveBeenLastCalledWith(['A1:U-maya']);
    expect(document.activeElement).toBe(screen.getByRole('combobox'));
    expect(screen.getByRole('button', { name: 'Remove @maya' })).toBeTruthy();
  });

  it('removes the last chosen target on Backspace in an empty input only', () => {
    const onChange = vi.fn();
    const { input } = setup({ onChange, initial: ['A1:C-general', 'A1:C-design'] });
    type(input, 'x');
    key(input, 'Backspace');
    expect(onChange).not.toHaveBeenCalled();
    type(input, '');
    key(input, 'Backspace');
    expect(onChange).toHaveBeenLastCalledWith(['A1:C-general']);
    key(input, 'Backspace');
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('keeps focus in the input when an option is pressed, and toggles it on click', () => {
    const onChange = vi.fn();
    const { input } = setup({ onChange });
    const random = screen.getByRole('option', { name: /random/ });
    // fireEvent returns false when the default (moving focus) was prevented.
    expect(fireEvent.pointerDown(random)).toBe(false);
    expect(fireEvent.mouseDown(random)).toBe(false);
    fireEvent.click(random);
    expect(onChange).toHaveBeenLastCalledWith(['A1:C-random']);
    expect(activeOption(input)).toBe(random);
    expect(random.getAttribute('aria-selected')).toBe('true');
  });

  it('shows the workspace on each row when targets come from more than one workspace', () => {
    const { input } = setup({
      targets: [...directory, target('general', 'channel', { accountId: 'A2', teamName: 'Globex', isMember: true })],
    });
    type(input, 'general');
    expect(optionNames()).toEqual(['#generalAcme', '#generalGlobex']);
    key(input, 'ArrowDown');
    key(input, 'Enter');
    expect(screen.getByRole('button', { name: 'Remove #general (Globex)' })).toBeTruthy();
  });

  it('renders only a window of rows for 20 000 targets, with the right set size and positions', () => {
    const targets = Array.from({ length: 20_000 }, (_, i) =>
      target(`channel-${String(i).padStart(5, '0')}`, 'channel', { isMember: true }),
    );
    const { input } = setup({ targets });
    const listbox = screen.getByRole('listbox');
    const rendered = () => within(listbox).getAllByRole('option');
    expect(rendered().length).toBeLessThanOrEqual(16);
    expect(rendered()[0]!.getAttribute('aria-setsize')).toBe('20000');
    // The spacer keeps the scroll height of all 20 000 rows.
    expect(listbox.style.getPropertyValue('--channel-picker-rows')).toBe('20000');

    key(input, 'End');
    expect(rendered().length).toBeLessThanOrEqual(16);
    expect(activeOption(input)?.getAttribute('aria-posinset')).toBe('20000');
    // Scrolled to the end (default list height 256 px, 32 px rows), and the window moved with it.
    expect(listbox.scrollTop).toBe(20_000 * 32 - 256);
    expect(rendered().map((option) => option.getAttribute('aria-posinset'))).toContain('19993');
    expect(activeOption(input)?.textContent).toBe('#channel-19999');

    type(input, 'channel-1234');
    // Prefix matches first, then the same characters in order (channel-01234, channel-10234, …).
    expect(rendered().length).toBeLessThanOrEqual(16);
    expect(
      rendered()
        .slice(0, 11)
        .map((option) => option.textContent),
    ).toEqual([...Array.from({ length: 10 }, (_, i) => `#channel-1234${i}`), '#channel-01234']);
  });

  it('keeps the active option rendered when the list is scrolled away from it', () => {
    const targets = Array.from({ length: 1000 }, (_, i) =>
      target(`c${String(i).padStart(4, '0')}`, 'channel', { isMember: true }),
    );
    const { input } = setup({ targets });
    const listbox = screen.getByRole('listbox');
    listbox.scrollTop = 32 * 500;
    fireEvent.scroll(listbox);
    const positions = within(listbox)
      .getAllByRole('option')
      .map((option) => option.getAttribute('aria-posinset'));
    expect(positions).toContain('1'); // the active one
    expect(positions).toContain('501');
    expect(activeOption(input)?.getAttribute('aria-posinset')).toBe('1');
  });

  it('announces the number of results politely, after typing pauses', async () => {
    vi.useFakeTimers();
    const pause = (ms: number) =>
      act(() => {
        vi.advanceTimersByTime(ms);
      });
    const { input } = setup();
    const status = screen.getByRole('status');
    await pause(600);
    expect(status.textContent).toBe('4 results');
    type(input, 'd'); // 3 results, never announced: the next key comes before the pause ends
    await pause(300);
    type(input, 'de');
    await pause(300);
    expect(status.textContent).toBe('4 results');
    await pause(300);
    expect(status.textContent).toBe('1 result');
    type(input, 'dex');
    await pause(600);
    expect(status.textContent).toBe('No matches');
  });

  it('lists favourites and recents first, marks favourites, and toggles a favourite with Ctrl+D', () => {
    const onToggleFavourite = vi.fn();
    const onChange = vi.fn();
    const { input } = setup({
      onChange,
      favourites: new Set(['A1:C-random']),
      recents: ['A1:U-maya'],
      onToggleFavourite,
    });
    expect(optionNames()).toEqual(['#random★', '@mayaMaya Chen☆', '#design☆', 'eng-backend☆', '#general☆']);
    expect(screen.getByRole('img', { name: 'Starred' })).toBeTruthy();
    key(input, 'ArrowDown');
    key(input, 'd', { ctrlKey: true });
    expect(onToggleFavourite).toHaveBeenCalledWith('A1:U-maya');
    // The star on a row toggles the favourite, not the selection.
    fireEvent.click(screen.getAllByRole('option')[2]!.querySelector('.channel-picker__star')!);
    expect(onToggleFavourite).toHaveBeenLastCalledWith('A1:C-design');
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('ChannelPicker and the form around it', () => {
  it('leaves Ctrl/Cmd+Enter to the form: it does not toggle the active row', () => {
    const onChange = vi.fn();
    const targets: Target[] = [
      { key: 'a:C1', accountId: 'a', teamName: 'Acme', id: 'C1', kind: 'channel', name: 'general', isMember: true },
    ];
    render(<ChannelPicker targets={targets} selected={[]} onChange={onChange} recents={[]} favourites={new Set()} />);
    const input = screen.getByRole('combobox', { name: 'Channel' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter', ctrlKey: true });
    fireEvent.keyDown(input, { key: 'Enter', metaKey: true });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledWith(['a:C1']);
  });
});
