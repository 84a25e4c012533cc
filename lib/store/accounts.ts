import type { IDBPDatabase } from 'idb';
import type { AccountSummary } from '../protocol';
import type { CourierDB } from './db';

/** Lists linked accounts for display; never includes token material. */
export async function listAccountSummaries(db: IDBPDatabase<CourierDB>): Promise<AccountSummary[]> {
  const records = await db.getAll('accounts');
  return records
    .map((record) => ({
      id: record.id,
      profileId: record.profileId,
      teamId: record.teamId,
      teamName: record.teamName,
      status: (record.status as AccountSummary['status'] | undefined) ?? 'connected',
      ...(typeof record.reason === 'string' ? { reason: record.reason } : {}),
    }))
    .sort((a, b) => a.teamName.localeCompare(b.teamName));
}
