/** Placeholder until the trained classifier lands: the contract the rest of the extension relies on. */
import type { Classification } from '../shared/comment';

export interface ClassifyContext {
  /** The CM's brand and product names: mentions of them make complaints easier to spot. */
  brandNames?: readonly string[];
  /** Extra domain terms from the settings. */
  extraTerms?: readonly string[];
}

export const CLASSIFIER_VERSION = '0.0.0-stub';

export function classify(_text: string, _context?: ClassifyContext): Classification {
  return {
    label: 'neutral',
    scores: { troll: 0, unhappy_customer: 0, threat: 0, neutral: 1 },
    intensity: 0,
    lang: 'und',
    uncertain: true,
    cues: [],
  };
}
