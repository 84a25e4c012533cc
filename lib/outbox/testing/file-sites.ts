// Test support for file shares through the outbox: a site serving the shared file, items that
// share it, and the emulator's view of the files. Registers its own hooks for the site.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Emulator } from '../../../test/emulator/index';
import type { OutboxItem } from '../../store/sending-records';
import { BOT_SCOPES, outboxSupport, TEAM } from './emulator';
import type { ServicesOptions } from '../../background/services';
import { plannedFile } from '../planned-file';

export const FILE_SCOPES = [...BOT_SCOPES, 'files:write', 'files:read'];
/** The bytes of /report.pdf. */
export const BYTES = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7) % 256));

export function fileSupport(emulator: () => Emulator) {
  let site: Server;
  let siteUrl = '';
  let downloads = 0;

  beforeAll(async () => {
    site = createServer((request, response) => {
      downloads += 1;
      if (request.url === '/report.pdf') {
        response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': BYTES.length });
        response.end(BYTES);
      } else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    site.closeAllConnections();
    site.close();
  });
  beforeEach(() => {
    downloads = 0;
  });

  const support = outboxSupport(emulator);
  /** Files the workspace holds by name, and the file_share messages of a channel. */
  const filesNamed = (name: string) =>
    emulator()
      .state.workspaces.get(TEAM)!
      .files.filter((f) => f.name === name);
  const sharesIn = (channel: string) =>
    emulator()
      .state.listMessages({ team: TEAM, channel })
      .filter((m) => m.subtype === 'file_share');

  /** Services with Acme linked, and outbox items sharing /report.pdf. */
  async function withFile(botScopes = FILE_SCOPES, options: ServicesOptions = {}) {
    const h = await support.linked(botScopes, options);
    const share = { kind: 'file' as const, url: `${siteUrl}/report.pdf`, comment: 'The report' };
    const fileItem = (channel: string, overrides: Partial<OutboxItem> = {}): OutboxItem => {
      const { file, comment } = plannedFile(share);
      return h.item(channel, { text: comment, file, ...overrides });
    };
    return { ...h, share, fileItem };
  }

  return {
    ...support,
    withFile,
    filesNamed,
    sharesIn,
    /** The report's files that are shared and not deleted. */
    sharedFiles: () => filesNamed('report.pdf').filter((f) => !f.deleted && f.shares.length > 0),
    /** How many requests the site has served since the test began. */
    downloads: () => downloads,
    siteUrl: () => siteUrl,
  };
}
