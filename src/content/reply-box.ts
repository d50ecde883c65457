/**
 * Puts a ready reply into the site's own reply box. Desaffect never sends: the CM reads, edits and posts.
 * X (Draft.js) and Facebook (Lexical) keep their own state from input events, so the text goes through
 * the browser's editing command rather than being written into the DOM.
 */
export function insertReply(box: HTMLElement, text: string): boolean {
  box.focus();
  if (box instanceof HTMLTextAreaElement) {
    box.setRangeText(text, box.selectionStart, box.selectionEnd, 'end');
    box.dispatchEvent(new Event('input', { bubbles: true }));
    return true;
  }
  if (document.execCommand('insertText', false, text)) return true;
  box.textContent = text;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  return true;
}
