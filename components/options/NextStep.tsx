import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/** The toolbar button's shortcut as the person has it now (they can change or clear it). */
async function popupShortcut(): Promise<string> {
  const commands = await browser.commands.getAll();
  return commands.find((command) => command.name === '_execute_action')?.shortcut ?? '';
}

/** What to do once a workspace is linked: open the popup, by its icon or its shortcut. */
export function NextStep() {
  const [shortcut, setShortcut] = useState('');
  useEffect(() => {
    popupShortcut().then(setShortcut, () => undefined);
  }, []);
  return (
    <p class="next-step">
      Next: click the Courier icon in the toolbar{shortcut ? `, or press ${shortcut},` : ''} to send the page you are
      on.
    </p>
  );
}
