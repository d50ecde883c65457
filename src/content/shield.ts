/**
 * The exposure shield: comments above the CM's chosen intensity are blurred until the CM chooses to
 * read them. Only the comment's words are blurred (the badge stays readable), and screen readers skip
 * them too while shielded.
 */
const SHIELDED = 'data-desaffect-shielded';

export function setShielded(bodies: readonly HTMLElement[], shielded: boolean): void {
  for (const body of bodies) {
    if (shielded === body.hasAttribute(SHIELDED)) continue;
    if (shielded) {
      body.setAttribute(SHIELDED, '');
      body.style.setProperty('filter', 'blur(7px)', 'important');
      body.setAttribute('aria-hidden', 'true');
    } else {
      body.removeAttribute(SHIELDED);
      body.style.removeProperty('filter');
      body.removeAttribute('aria-hidden');
    }
  }
}

export function isShielded(body: HTMLElement): boolean {
  return body.hasAttribute(SHIELDED);
}

/** Lifts every shield in `root`: the page as it was without Desaffect. */
export function unshieldAll(root: ParentNode): void {
  setShielded([...root.querySelectorAll<HTMLElement>(`[${SHIELDED}]`)], false);
}
