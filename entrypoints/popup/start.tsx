import { render } from 'preact';
import { takeEarlyReads } from '@/components/popup/early';
import { currentPage, shareFromQuery } from '@/components/popup/current-share';
import '@/components/theme.css';
import { firstRead } from '@/lib/directory/mirror';
import { App } from './App';
import './popup.css';

/**
 * Opens the popup with the reads its first script started (components/popup/early.ts), or starts
 * them here when that script did not run. The UI reports their failures; the catches below only
 * keep them from counting as unhandled in the meantime.
 */
export function startPopup(): void {
  const early = takeEarlyReads();
  const cachedDirectory = early?.directory ?? firstRead();
  cachedDirectory.records.catch(() => undefined);
  const openedOn = shareFromQuery(location.search) ? undefined : (early?.page ?? currentPage());
  openedOn?.catch(() => undefined);
  render(<App cachedDirectory={cachedDirectory} openedOn={openedOn} />, document.getElementById('app')!);
}
