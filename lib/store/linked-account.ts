import type { Account, AccountDraft } from './records';
import { accountSchema } from './records';

/**
 * Builds the account record to store for a draft, given whatever is stored under its id now: used
 * by both repositories that write accounts (accounts.upsert and chains.saveLinked).
 */
export function linkedAccount(draft: AccountDraft, existing: unknown, at: number): Account {
  const linkedAt = accountSchema.safeParse(existing).data?.linkedAt ?? at;
  return accountSchema.parse({ ...draft, linkedAt, updatedAt: at });
}
