/**
 * The shield (blurring trying comments until the CM chooses to read them), shared by the page (blurred
 * words), the popup (blurred excerpt) and the settings. A label's setting is the intensity from which its
 * comments are blurred, or null for never; the CM chooses it as a level (shared/levels.ts).
 */
import { LEVEL_FROM } from './levels';

/** True when the CM's level for this label asks to blur a comment of this intensity. */
export function shouldShield(level: number | null, intensity: number, revealed: boolean): boolean {
  return !revealed && level !== null && intensity >= level;
}

/** What the settings offer: never blur, always blur, or blur from a level on. */
export const SHIELD_CHOICES = ['never', 'always', 'medium', 'high'] as const;
export type ShieldChoice = (typeof SHIELD_CHOICES)[number];

const LEVEL_THRESHOLDS = { always: 0, medium: LEVEL_FROM.medium, high: LEVEL_FROM.high } as const;

export function shieldThreshold(choice: ShieldChoice): number | null {
  return choice === 'never' ? null : LEVEL_THRESHOLDS[choice];
}

const BLURRING = ['always', 'medium', 'high'] as const;

/** The blurring choice nearest to a threshold: a percentage stored before the levels becomes a level. */
function nearestBlurring(threshold: number): (typeof BLURRING)[number] {
  const distance = (choice: (typeof BLURRING)[number]) => Math.abs(LEVEL_THRESHOLDS[choice] - threshold);
  return BLURRING.reduce((best, choice) => (distance(choice) < distance(best) ? choice : best));
}

/** The threshold of a level, for a stored one that may come from before the levels (settings.ts). */
export function snapThreshold(threshold: number): number {
  return LEVEL_THRESHOLDS[nearestBlurring(threshold)];
}

/** The choice a stored threshold stands for, so what the settings show is what the page does. */
export function shieldChoice(threshold: number | null): ShieldChoice {
  return threshold === null ? 'never' : nearestBlurring(threshold);
}
