/** The exposure shield's rule, shared by the page (blurred words) and the popup (blurred excerpt). */

/** True when the CM's level for this label asks to blur a comment of this intensity. */
export function shouldShield(level: number | null, intensity: number, revealed: boolean): boolean {
  return !revealed && level !== null && intensity >= level;
}
