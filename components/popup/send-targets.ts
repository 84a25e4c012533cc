import { targetFor, type DirectoryIndex } from '@/lib/directory/filter';
import type { Target } from '@/lib/directory/target';
import type { SendTarget } from '@/lib/protocol';

/** How a chosen target is named in results and the outbox: "#general", "@maya", "#x · Acme Corp". */
export function labelFor(target: Target, withTeam: boolean): string {
  const name = target.kind === 'channel' || target.kind === 'private' ? `#${target.name}` : `@${target.name}`;
  return withTeam ? `${name} · ${target.teamName}` : name;
}

/** The picker's chosen keys as targets to send to; keys no longer in the directory are left out. */
export function sendTargets(index: DirectoryIndex | undefined, keys: readonly string[]): SendTarget[] {
  if (!index) return [];
  return keys.flatMap((key) => {
    const target = targetFor(index, key);
    if (!target) return [];
    return [{ key, accountId: target.accountId, id: target.id, label: labelFor(target, index.workspaceCount > 1) }];
  });
}
