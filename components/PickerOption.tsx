import type { Target } from '@/lib/directory/target';

/** How a target is named in labels and announcements: "#general", "@maya", "private channel x". */
export function spokenName(target: Target, withTeam: boolean): string {
  const name =
    target.kind === 'channel'
      ? `#${target.name}`
      : target.kind === 'private'
        ? `private channel ${target.name}`
        : `@${target.name}`;
  return withTeam ? `${name} (${target.teamName})` : name;
}

export function KindIcon({ target }: { target: Target }) {
  if (target.kind === 'private') {
    return (
      <svg
        class="channel-picker__kind"
        viewBox="0 0 16 16"
        width="12"
        height="12"
        role="img"
        aria-label="Private channel"
      >
        <path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7zm2 0h4V5a2 2 0 1 0-4 0z" />
      </svg>
    );
  }
  return <span class="channel-picker__kind">{target.kind === 'channel' ? '#' : '@'}</span>;
}

export interface PickerOptionProps {
  target: Target;
  /** Its row in the results, from 0. */
  row: number;
  /** How many results there are. */
  count: number;
  id: string;
  active: boolean;
  chosen: boolean;
  favourite: boolean;
  withTeam: boolean;
  rowHeight: number;
  /** Whether stars can be toggled (the star then shows on every row). */
  starrable: boolean;
}

/** One result of the channel picker: a row of its listbox, placed at its offset in the list. */
export function PickerOption(props: PickerOptionProps) {
  const { target, row, count, id, active, chosen, favourite, withTeam, rowHeight, starrable } = props;
  const person = target.kind !== 'channel' && target.kind !== 'private';
  return (
    <li
      id={id}
      role="option"
      aria-selected={chosen}
      aria-setsize={count}
      aria-posinset={row + 1}
      data-index={row}
      class={active ? 'channel-picker__option active' : 'channel-picker__option'}
      style={{ top: row * rowHeight }}
    >
      <span class="channel-picker__check" aria-hidden="true">
        {chosen ? '✓' : ''}
      </span>
      <KindIcon target={target} />
      <span class="channel-picker__name">{target.name}</span>
      {person && target.realName && <span class="channel-picker__detail">{target.realName}</span>}
      {withTeam && <span class="channel-picker__detail channel-picker__team">{target.teamName}</span>}
      {favourite ? (
        <span class="channel-picker__star on" role="img" aria-label="Starred" title={starrable ? 'Unstar' : undefined}>
          ★
        </span>
      ) : (
        // Pointer convenience only; keyboard users have Ctrl+D (see the hint).
        starrable && (
          <span class="channel-picker__star" aria-hidden="true" title="Star">
            ☆
          </span>
        )
      )}
    </li>
  );
}
