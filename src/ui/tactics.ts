/** How the pages name a tactic and say how to apply it, in the platform's own words. */
import type { Platform } from '../shared/comment';
import { TACTICS } from '../tactics/rules';
import { t } from './i18n';

/** A tactic by its name; one no version of Desaffect knows (a hand-edited backup) is "Other", not a raw key. */
export function tacticName(tactic: string): string {
  return t((TACTICS as readonly string[]).includes(tactic) ? `tacticName_${tactic}` : 'tacticName_unknown');
}

/** "Hide" is "Masquer la réponse" on X and "Masquer le commentaire" on Facebook: said as each site says it. */
export function tacticHow(tactic: string, platform: Platform): string {
  return t(tactic === 'hide' ? `tacticHow_hide_${platform}` : `tacticHow_${tactic}`);
}
