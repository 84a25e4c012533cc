/** The page's selection, and the words just before it when its start is ambiguous. */
export interface Selected {
  text: string;
  /** The words before it, only when its first words occur more than once on the page. */
  prefix?: string;
}

/**
 * Runs in the page (scripting.executeScript), so it must stand alone: no imports, no helpers
 * outside it. The prefix is what tells a text fragment's start apart (lib/share/text-fragment.ts):
 * only needed, and only read, when the start is ambiguous. Browsers match each of a fragment's
 * terms, the prefix too, within one block, so the words come from the selection's own block, or,
 * when the selection starts that block, from the end of the block before it; never from both.
 */
export function readSelection(): Selected {
  const selection = globalThis.getSelection();
  const text = selection?.toString() ?? '';
  const start = text.trim().split(/\s+/).slice(0, 5).join(' ');
  if (!selection?.rangeCount || !start) return { text };
  const page = (document.body?.innerText ?? '').replace(/\s+/g, ' ');
  if (page.indexOf(start) === page.lastIndexOf(start)) return { text };
  const blockOf = (node: Node): Node => {
    for (let element = node.nodeType === 1 ? (node as Element) : node.parentElement; element;) {
      if (element === document.body || !/^(inline|contents)/.test(getComputedStyle(element).display)) return element;
      element = element.parentElement;
    }
    return document.body;
  };
  /** The words from the start of node's block up to (node, offset). */
  const wordsBefore = (node: Node, offset: number) => {
    const before = document.createRange();
    before.setStart(blockOf(node), 0);
    before.setEnd(node, offset);
    return before.toString().replace(/\s+/g, ' ').trim();
  };
  const range = selection.getRangeAt(0);
  let context = wordsBefore(range.startContainer, range.startOffset);
  if (!context) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    walker.currentNode = range.startContainer;
    let node = walker.previousNode();
    while (node && (!/\S/.test(node.nodeValue ?? '') || node.parentElement?.closest('script, style')))
      node = walker.previousNode();
    if (node) context = wordsBefore(node, node.nodeValue?.length ?? 0);
  }
  const prefix = context.split(' ').slice(-3).join(' ');
  return prefix ? { text, prefix } : { text };
}
