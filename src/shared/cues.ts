/**
 * A cue in the CM's language: its kind from the catalogues, then the comment's own words it quotes, unless
 * the comment is shielded (the words stay behind the shield, the reason does not). Display only: nothing
 * reads a cue back from this text (the export and the rules read `kind`).
 */
import type { Cue } from './comment';

export type Translate = (key: string, substitutions?: readonly string[]) => string;

export function describeCue(cue: Cue, t: Translate, shielded = false): string {
  const quote = shielded ? undefined : cue.quote;
  if (cue.kind === 'legacy') return quote ?? t('cue_legacy');
  const name = t(`cue_${cue.kind}`, cue.count === undefined ? [] : [String(cue.count)]);
  return quote ? t('cue_quoted', [name, quote]) : name;
}
