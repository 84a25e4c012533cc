/**
 * The database's migrations, one file per version: vN.ts holds the shapes of version N (its
 * schema, its records as that version wrote them) and the step that reaches it from N - 1. Steps
 * are frozen once released and typed against their own version, never against today's records
 * (lib/store/records.ts), so they import nothing from the store; lib/store/db.ts runs them.
 *
 * Adding one: write vN.ts with SchemaVN and migrateToVN, append it below, add a sample of version
 * N - 1 and a test (steps.test.ts), and a fixture of version N - 1 (upgrade.test.ts).
 */
import type { AnyMigration } from './migration';
import { step } from './migration';
import { migrateToV1 } from './v1';
import { migrateToV2 } from './v2';
import { migrateToV3 } from './v3';
import { migrateToV4 } from './v4';
import { migrateToV5 } from './v5';
import { migrateToV6 } from './v6';

export type { SchemaV6 as LatestSchema } from './v6';

/** Index i upgrades version i to i + 1. Append only. */
export const MIGRATIONS: readonly AnyMigration[] = [
  step(migrateToV1),
  step(migrateToV2),
  step(migrateToV3),
  step(migrateToV4),
  step(migrateToV5),
  step(migrateToV6),
];

export const LATEST_VERSION = MIGRATIONS.length;

/** Runs the steps from `oldVersion` to `newVersion` inside the open request's upgrade transaction. */
export function upgrade(db: IDBDatabase, tx: IDBTransaction, oldVersion: number, newVersion: number): void {
  for (let version = oldVersion; version < newVersion; version++) MIGRATIONS[version]?.(db, tx);
}
