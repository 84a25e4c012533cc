/** The parts of runtime.MessageSender this check needs. */
export interface SenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: unknown;
}

/**
 * Privileged handlers answer only this extension's own pages and worker, from the top frame.
 * Content scripts (they run inside web pages) and other extensions are refused.
 */
export function isInternalSender(sender: SenderLike, runtimeId: string, extensionOrigin: string): boolean {
  if (sender.id !== runtimeId) return false;
  if (!sender.url) return false;
  let origin: string;
  try {
    origin = new URL(sender.url).origin;
  } catch {
    return false;
  }
  if (origin !== new URL(extensionOrigin).origin) return false;
  // An extension page loaded in an iframe of a web page has frameId > 0.
  return sender.frameId === undefined || sender.frameId === 0 || sender.tab === undefined;
}
