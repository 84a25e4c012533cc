import { render } from 'preact';
import { currentPage, shareFromQuery } from '@/components/popup/current-share';
import '@/components/theme.css';
import { readDirectory, takeEarlyRead } from '@/lib/directory/read';
import { App } from './App';
import './popup.css';

// The cached directory is already being read (popup-read.js, before these modules loaded); the
// look-up of the current tab starts before the first render. The UI reports their failures; the
// catches below only keep them from counting as unhandled in the meantime.
const cachedDirectory = takeEarlyRead() ?? readDirectory();
cachedDirectory.catch(() => undefined);
const openedOn = shareFromQuery(location.search) ? undefined : currentPage();
openedOn?.catch(() => undefined);

render(<App cachedDirectory={cachedDirectory} openedOn={openedOn} />, document.getElementById('app')!);
