import { render } from 'preact';
import { currentPage, shareFromQuery } from '@/components/popup/current-share';
import '@/components/theme.css';
import { readDirectory } from '@/lib/directory/read';
import './popup.css';

// At scale, reading the cached directory is the longest part of opening the popup, so it starts
// first, with the look-up of the current tab, and both run while the UI's code loads (its own
// chunk); the UI then picks them up. It reports their failures; the catches below only keep them
// from counting as unhandled in the meantime.
const cachedDirectory = readDirectory();
cachedDirectory.catch(() => undefined);
const openedOn = shareFromQuery(location.search) ? undefined : currentPage();
openedOn?.catch(() => undefined);

void import('./App').then(({ App }) => {
  render(<App cachedDirectory={cachedDirectory} openedOn={openedOn} />, document.getElementById('app')!);
});
