import { useEffect, useState } from 'preact/hooks';

/**
 * The Status section comes in its own script (entrypoints/popup-status.ts), which this adds to the
 * page once the quick actions have painted: its code stays out of the popup's first script and
 * budget (scripts/budgets.mjs counts it apart). That script brings its own Preact and renders into
 * the slot; Preact here never renders children into it, so it leaves them alone.
 */
export const STATUS_SLOT = 'status-slot';

export function StatusSlot() {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const script = document.createElement('script');
    script.src = '/popup-status.js';
    script.onerror = () => setFailed(true);
    document.head.append(script);
  }, []);
  return (
    <>
      <div id={STATUS_SLOT} />
      {failed && <p class="error">Status could not be shown. Close and reopen the popup.</p>}
    </>
  );
}
