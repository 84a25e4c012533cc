import type { DirectoryRecord } from '../../store/sending-records';
import { toColumns } from '../columns';

/** A cached directory of channels, as the background stores it (for tests). */
export function channelDirectory(
  accountId: string,
  teamName: string,
  channels: readonly { id: string; name: string }[],
  refreshedAt = 1,
): DirectoryRecord {
  return {
    accountId,
    teamName,
    refreshedAt,
    ...toColumns(
      channels.map(({ id, name }) => ({ key: `${accountId}:${id}`, accountId, teamName, id, kind: 'channel', name })),
    ),
  };
}
