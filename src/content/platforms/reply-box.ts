/** The reply box the CM is using: the focused one, else the last one on the page (the open composer). */
export function pickReplyBox(root: ParentNode, selector: string): HTMLElement | null {
  const boxes = [...root.querySelectorAll<HTMLElement>(selector)];
  const active = boxes.find((box) => box.contains(box.ownerDocument.activeElement));
  return active ?? boxes.at(-1) ?? null;
}
