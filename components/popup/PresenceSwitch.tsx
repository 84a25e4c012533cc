import { useId, useState } from 'preact/hooks';
import { ask } from '@/lib/messaging/ask';
import type { PresenceView } from '@/lib/protocol';

const TEXT = { active: 'Active', away: 'Away', unknown: 'Unknown' } as const;

/**
 * A workspace's presence as a switch named "Presence" (with the workspace's name when several are
 * linked): on is Active (users.setPresence auto), off is Away.
 */
export function PresenceSwitch({ initial, several }: { initial: PresenceView; several: boolean }) {
  const id = useId();
  const [view, setView] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(initial.error ?? '');
  const active = view.presence === 'active';
  const toggle = async () => {
    // Never disabled while busy: a disabled button would drop the keyboard focus.
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      setView(await ask('presence.set', { accountId: view.accountId, presence: active ? 'away' : 'auto' }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const explanation = error || (view.canSet ? '' : 'Setting presence needs a user token with users:write: reconnect.');
  return (
    <div class="presence">
      <span id={`${id}-label`} class="presence__label">
        {several ? `Presence (${view.teamName})` : 'Presence'}
      </span>
      <button
        type="button"
        role="switch"
        class="switch"
        aria-checked={active}
        aria-labelledby={`${id}-label`}
        aria-describedby={explanation ? `${id}-why` : undefined}
        aria-busy={busy}
        disabled={!view.canSet}
        onClick={() => void toggle()}
      >
        <span class="switch__track" aria-hidden="true">
          <span class="switch__thumb" />
        </span>
        <span class="switch__text">{TEXT[view.presence]}</span>
      </button>
      {explanation && (
        <small id={`${id}-why`} class={error ? 'error' : 'muted'} role={error ? 'alert' : undefined}>
          {explanation}
        </small>
      )}
    </div>
  );
}
