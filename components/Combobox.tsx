import { useEffect, useId, useMemo, useState } from 'preact/hooks';

export interface ComboOption {
  value: string;
  label: string;
  /** Shown after the label, dimmed (a workspace, a group). */
  detail?: string;
}

interface Props {
  label: string;
  options: ComboOption[];
  value: string | null;
  onChange: (value: string) => void;
  placeholder?: string;
  /** At most this many matches are listed; typing narrows them. */
  maxShown?: number;
}

function matches(option: ComboOption, query: string): boolean {
  const q = query.trim().toLowerCase();
  return !q || option.label.toLowerCase().includes(q) || (option.detail?.toLowerCase().includes(q) ?? false);
}

/**
 * An editable ARIA combobox: type to filter, Up/Down to move, Enter to choose, Escape to close
 * (a second Escape clears). Focus stays in the input; the active option is announced through
 * aria-activedescendant.
 */
export function Combobox({ label, options, value, onChange, placeholder, maxShown = 200 }: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const selected = options.find((option) => option.value === value);
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const shown = useMemo(
    () => options.filter((option) => matches(option, query ?? '')).slice(0, maxShown),
    [options, query, maxShown],
  );

  const choose = (option: ComboOption | undefined) => {
    if (!option) return;
    onChange(option.value);
    setQuery(null);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive((index) => Math.min(index + 1, shown.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((index) => Math.max(index - 1, 0));
        break;
      case 'Enter':
        if (open) {
          event.preventDefault();
          choose(shown[active]);
        }
        break;
      case 'Escape':
        if (open) setOpen(false);
        else setQuery('');
        break;
      default:
        break;
    }
  };

  const activeId = open && shown[active] ? `${id}-opt-${active}` : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);
  return (
    <div class="combobox">
      <label for={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        autoComplete="off"
        placeholder={placeholder}
        value={query ?? selected?.label ?? ''}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={label} hidden={!open || shown.length === 0}>
        {shown.map((option, index) => (
          <li
            key={option.value}
            id={`${id}-opt-${index}`}
            role="option"
            aria-selected={index === active}
            class={index === active ? 'active' : undefined}
            // pointerdown, not click: a click would blur the input and close the list first.
            onPointerDown={(event) => {
              event.preventDefault();
              choose(option);
            }}
          >
            {option.label}
            {option.detail && <span class="muted"> · {option.detail}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
