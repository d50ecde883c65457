/**
 * Intensity as the CM reads it: a level word (low, medium, high), never a percentage, which reads as the
 * tool's confidence. Intensity says how aggressive a comment is — its hostility, insults, threatening
 * wording, shouting, exclamation marks — whatever its label; how sure the classifier is shows apart, as
 * "uncertain". One scale for every label, so a threat is not floored: an implicit one reads medium, an
 * explicit one high.
 *
 * The boundaries sit in the gaps of the classifier's intensities on the authored corpus (`npm run levels`
 * prints them, tests/unit/levels.test.ts keeps them true): below 0.35 the mild or half-hostile comments,
 * 0.35–0.5 the plainly hostile ones, from 0.5 those that add insults, threats or shouting.
 */

export const LEVELS = ['low', 'medium', 'high'] as const;
export type Level = (typeof LEVELS)[number];

/** The intensity from which a comment is medium, and high. */
export const LEVEL_FROM: Readonly<Record<Exclude<Level, 'low'>, number>> = { medium: 0.35, high: 0.5 };

export function intensityLevel(intensity: number): Level {
  if (intensity >= LEVEL_FROM.high) return 'high';
  return intensity >= LEVEL_FROM.medium ? 'medium' : 'low';
}
