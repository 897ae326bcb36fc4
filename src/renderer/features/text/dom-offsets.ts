/**
 * From a DOM position (what `Selection` gives: a node and an offset in it) to a UTF-16 offset in
 * the whole text. `SpanText` draws the text as pieces, each a `[data-start][data-end]` element
 * holding one text node, so a position in a piece is its start plus the offset in its text.
 */
export function utf16OffsetOf(container: HTMLElement, node: Node, offset: number): number | null {
  if (!container.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const piece = node.parentElement?.closest<HTMLElement>('[data-start]');
    if (!piece || !container.contains(piece)) return null;
    return Number(piece.dataset.start) + offset;
  }
  if (!(node instanceof Element)) return null;
  // A position between children: the start of the next piece, else the end of the previous one.
  const children = Array.from(node.childNodes);
  for (const child of children.slice(offset)) {
    const piece = pieceIn(child, 'first');
    if (piece) return Number(piece.dataset.start);
  }
  for (const child of children.slice(0, offset).reverse()) {
    const piece = pieceIn(child, 'last');
    if (piece) return Number(piece.dataset.end);
  }
  const own = node.closest<HTMLElement>('[data-start]');
  return own && container.contains(own) ? Number(own.dataset.start) : 0;
}

function pieceIn(node: Node, which: 'first' | 'last'): HTMLElement | null {
  if (!(node instanceof HTMLElement)) return null;
  if (node.dataset.start !== undefined) return node;
  const all = node.querySelectorAll<HTMLElement>('[data-start]');
  return (which === 'first' ? all[0] : all[all.length - 1]) ?? null;
}

/** The page's selection inside `container`, as UTF-16 offsets (anchor first), or null. */
export function selectionIn(container: HTMLElement): { anchor: number; focus: number } | null {
  const selection = container.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.anchorNode || !selection.focusNode) return null;
  const anchor = utf16OffsetOf(container, selection.anchorNode, selection.anchorOffset);
  const focus = utf16OffsetOf(container, selection.focusNode, selection.focusOffset);
  return anchor === null || focus === null ? null : { anchor, focus };
}
