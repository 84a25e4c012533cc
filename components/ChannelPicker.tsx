import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createIndex, searchPositions, targetFor, warmUp, type DirectoryIndex } from '@/lib/directory/filter';
import type { Target } from '@/lib/directory/target';
import { scrollTopFor, visibleWindow } from '@/lib/directory/window';
import { KindIcon, PickerOption, spokenName } from './PickerOption';
import './channel-picker.css';

interface CommonProps {
  /** The visible label of the input; also names the listbox. */
  label?: string;
  /** Keys of the chosen targets, in the order they were chosen. */
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** Keys of recently used targets, most recent first. */
  recents?: readonly string[];
  favourites?: ReadonlySet<string>;
  /** Offered as Ctrl+D (⌘D) and a star on each row. */
  onToggleFavourite?: (key: string) => void;
  placeholder?: string;
  /** The list's height in pixels at most. Layout is never measured, so tests see the same window. */
  listHeight?: number;
  rowHeight?: number;
}

/** Either the targets of every linked workspace, or an index built from them beforehand. */
export type ChannelPickerProps = CommonProps &
  ({ targets: readonly Target[]; index?: undefined } | { index: DirectoryIndex; targets?: undefined });

const NO_RECENTS: readonly string[] = [];
const NO_FAVOURITES: ReadonlySet<string> = new Set();
const NO_RESULTS: readonly number[] = [];
const OVERSCAN = 4;
/** Set once per page when the picker first shows with its directory searchable (bench/popup.bench.ts). */
export const PICKER_INTERACTIVE_MARK = 'picker-interactive';
const ANNOUNCE_DELAY_MS = 500;

function countText(count: number): string {
  if (count === 0) return 'No matches';
  return `${count.toLocaleString('en')} ${count === 1 ? 'result' : 'results'}`;
}

/**
 * The channel picker: an editable ARIA combobox over every linked workspace's channels and people.
 * Typing filters (see lib/directory/filter); Up/Down, Home/End and PageUp/PageDown move through the
 * results, Enter adds or removes the highlighted target (a typed search then empties), Escape closes
 * and then clears, Backspace in an empty input removes the last chosen target. Only the visible rows
 * are rendered: rows have a fixed height, so the window is arithmetic (lib/directory/window). Focus
 * never leaves the input.
 */
export function ChannelPicker(props: ChannelPickerProps) {
  const {
    label = 'Channel',
    selected,
    onChange,
    recents = NO_RECENTS,
    favourites = NO_FAVOURITES,
    onToggleFavourite,
    placeholder,
    listHeight = 256,
    rowHeight = 32,
  } = props;
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const optionId = (target: Target) => `${id}-${target.key.replace(/\s/g, '_')}`;

  const index = useMemo(() => props.index ?? createIndex(props.targets), [props.index, props.targets]);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  // Positions in the index: only the rows on screen are made into targets. A closed list searches
  // nothing: the popup opens with the picker closed, and listing every conversation the person is in
  // would only delay it.
  const results = useMemo(
    () => (open ? searchPositions(index, query, { recents, favourites }) : NO_RESULTS),
    [open, index, query, recents, favourites],
  );
  const chosen = useMemo(() => new Set(selected), [selected]);
  const withTeam = index.workspaceCount > 1;
  const count = results.length;
  const expanded = open && count > 0;
  const activeIndex = Math.min(active, count - 1);
  const activeTarget = expanded ? index.targetAt(results[activeIndex]!) : undefined;
  const viewportHeight = Math.min(listHeight, count * rowHeight);
  const viewport = { scrollTop, viewportHeight, rowHeight };
  const { start, end } = visibleWindow({ ...viewport, count, overscan: OVERSCAN });

  // The picker is mounted with its index: from here a key press searches the whole directory.
  useEffect(() => {
    if (!performance.getEntriesByName(PICKER_INTERACTIVE_MARK, 'mark').length)
      performance.mark(PICKER_INTERACTIVE_MARK);
  }, []);

  // What the first key press would do, done while the person has not typed yet.
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return;
    let idle = requestIdleCallback(function step() {
      if (index.prepare()) idle = requestIdleCallback(step);
      else warmUp(index);
    });
    return () => cancelIdleCallback(idle);
  }, [index]);

  // Our scrollTop is the truth (the window is computed from it); the element follows.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list && Math.abs(list.scrollTop - scrollTop) >= 1) list.scrollTop = scrollTop;
  }, [scrollTop, expanded]);

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => setAnnouncement(countText(count)), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [open, query, count]);

  const moveTo = (target: number) => {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, target));
    setActive(next);
    setScrollTop(scrollTopFor(next, viewport));
  };

  const toggle = (target: Target) => {
    const isChosen = chosen.has(target.key);
    onChange(isChosen ? selected.filter((key) => key !== target.key) : [...selected, target.key]);
    setAnnouncement(`${spokenName(target, withTeam)} ${isChosen ? 'removed' : 'added'}`);
    // A search ends with its choice: the box empties for the next name, and the list closes so it
    // covers nothing below. Browsing the unfiltered list keeps it open for more choices.
    if (query) {
      setQuery('');
      setOpen(false);
      setActive(0);
      setScrollTop(0);
    }
  };

  const remove = (key: string) => {
    onChange(selected.filter((other) => other !== key));
    const target = targetFor(index, key);
    setAnnouncement(`${target ? spokenName(target, withTeam) : key} removed`);
  };

  const pageRows = Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);

  const onKeyDown = (event: KeyboardEvent) => {
    const handled = (action: () => void) => {
      event.preventDefault();
      action();
    };
    switch (event.key) {
      case 'ArrowDown':
        return handled(() => (expanded && !event.altKey ? moveTo(activeIndex + 1) : setOpen(true)));
      case 'ArrowUp':
        if (event.altKey) return handled(() => setOpen(false));
        return handled(() => (expanded ? moveTo(activeIndex - 1) : setOpen(true)));
      case 'Home':
        return expanded ? handled(() => moveTo(0)) : undefined;
      case 'End':
        return expanded ? handled(() => moveTo(count - 1)) : undefined;
      case 'PageDown':
        return expanded ? handled(() => moveTo(activeIndex + pageRows)) : undefined;
      case 'PageUp':
        return expanded ? handled(() => moveTo(activeIndex - pageRows)) : undefined;
      case 'Enter':
        // Ctrl/Cmd+Enter belongs to the form around the picker (Send), not to the list.
        if (event.ctrlKey || event.metaKey) return undefined;
        return activeTarget ? handled(() => toggle(activeTarget)) : undefined;
      case 'Escape':
        if (open) return handled(() => setOpen(false));
        if (query) return handled(() => setQuery(''));
        return undefined;
      case 'Backspace': {
        const last = selected[selected.length - 1];
        if (!query && last !== undefined) remove(last);
        return undefined;
      }
      default:
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'd' && onToggleFavourite && activeTarget) {
          return handled(() => onToggleFavourite(activeTarget.key));
        }
        return undefined;
    }
  };

  const rowAt = (event: Event): number | undefined => {
    const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
    return option ? Number(option.dataset.index) : undefined;
  };

  const onListClick = (event: MouseEvent) => {
    const row = rowAt(event);
    const position = row === undefined ? undefined : results[row];
    if (row === undefined || position === undefined) return;
    const target = index.targetAt(position);
    setActive(row);
    if (onToggleFavourite && (event.target as Element).closest('.channel-picker__star')) {
      onToggleFavourite(target.key);
    } else {
      toggle(target);
    }
  };

  // A closed list renders no rows: opening the popup then makes no target objects at all.
  const rows: number[] = [];
  if (expanded) {
    if (activeIndex < start) rows.push(activeIndex);
    for (let row = start; row < end; row++) rows.push(row);
    if (activeIndex >= end) rows.push(activeIndex);
  }

  return (
    <div class="channel-picker">
      <label for={inputId}>{label}</label>
      {selected.length > 0 && (
        <ul class="channel-picker__chips" aria-label={`${label}: chosen`}>
          {selected.map((key) => {
            const target = targetFor(index, key);
            const name = target ? spokenName(target, withTeam) : key;
            return (
              <li key={key} class="channel-picker__chip">
                {target ? <KindIcon target={target} /> : null}
                <span>{target?.name ?? key}</span>
                {target && withTeam && <span class="muted">{target.teamName}</span>}
                <button
                  type="button"
                  aria-label={`Remove ${name}`}
                  onClick={() => {
                    remove(key);
                    inputRef.current?.focus();
                  }}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeTarget ? optionId(activeTarget) : undefined}
        aria-describedby={hintId}
        autoComplete="off"
        spellcheck={false}
        placeholder={placeholder}
        value={query}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
          setScrollTop(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <span id={hintId} class="visually-hidden">
        Enter adds or removes the highlighted result.
        {onToggleFavourite ? ' Control+D (Command+D on a Mac) stars or unstars it.' : ''}
      </span>
      {/* Keys are handled on the input (aria-activedescendant); pointer presses must not take focus from it. */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events */}
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={label}
        aria-multiselectable="true"
        tabIndex={-1}
        hidden={!expanded}
        class="channel-picker__list"
        style={{ height: viewportHeight, '--channel-picker-row': `${rowHeight}px`, '--channel-picker-rows': count }}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        onPointerDown={(event) => event.preventDefault()}
        onMouseDown={(event) => event.preventDefault()}
        onClick={onListClick}
      >
        {rows.map((row) => {
          const target = index.targetAt(results[row]!);
          return (
            <PickerOption
              key={target.key}
              target={target}
              row={row}
              count={count}
              id={optionId(target)}
              active={row === activeIndex}
              chosen={chosen.has(target.key)}
              favourite={favourites.has(target.key)}
              withTeam={withTeam}
              rowHeight={rowHeight}
              starrable={onToggleFavourite !== undefined}
            />
          );
        })}
      </ul>
      {open && query && count === 0 && <p class="channel-picker__empty muted">No matching channels or people.</p>}
      <div role="status" class="visually-hidden">
        {announcement}
      </div>
    </div>
  );
}
