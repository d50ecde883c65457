/** How the pages name a tactic and say how to apply it, in the platform's own words. */
import type { Platform } from '../shared/comment';
import { t } from './i18n';

export function tacticName(tactic: string): string {
  return t(`tacticName_${tactic}`);
}

/** "Hide" is "Masquer la réponse" on X and "Masquer le commentaire" on Facebook: said as each site says it. */
export function tacticHow(tactic: string, platform: Platform): string {
  return t(tactic === 'hide' ? `tacticHow_hide_${platform}` : `tacticHow_${tactic}`);
}
