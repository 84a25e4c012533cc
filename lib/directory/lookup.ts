import { ARCHIVED, ENTRY, ENTRY_CODE, KINDS, MEMBER, type WorkspaceColumns } from './columns';
import type { Target } from './target';

/** What a stored directory says of one target: its kind and flags, without building the target. */
export type Listed = Pick<Target, 'kind' | 'isMember' | 'archived'>;

/**
 * The target with this Slack id in one workspace's stored directory, or undefined when the
 * directory does not list it (for the background, which has the record but no picker index).
 */
export function listedIn(workspace: WorkspaceColumns, id: string): Listed | undefined {
  const { ids } = workspace;
  if (!id) return undefined;
  for (let at = ids.indexOf(id); at >= 0; at = ids.indexOf(id, at + 1)) {
    const end = at + id.length;
    if ((at > 0 && ids.charCodeAt(at - 1) !== ENTRY_CODE) || (end < ids.length && ids.charCodeAt(end) !== ENTRY_CODE))
      continue;
    let entry = 0;
    for (let i = ids.indexOf(ENTRY); i >= 0 && i < at; i = ids.indexOf(ENTRY, i + 1)) entry++;
    const flags = workspace.flags[entry] ?? 0;
    return {
      kind: KINDS[workspace.kinds[entry] ?? 0] ?? 'channel',
      isMember: (flags & MEMBER) !== 0,
      ...(flags & ARCHIVED ? { archived: true } : {}),
    };
  }
  return undefined;
}
