import { refreshStaleDirectories } from '../../directory/refresh';
import type { Handlers } from '../../messaging/router';
import type { Services } from '../services';

export function directoryHandlers(services: () => Promise<Services>): Pick<Handlers, 'directory.refresh'> {
  return {
    'directory.refresh': async ({ force }) => ({
      refreshed: await refreshStaleDirectories((await services()).directories, force === true),
    }),
  };
}
