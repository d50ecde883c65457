import { intensityLevel } from '../shared/levels';
import { type Catalog, formatMessage } from '../shared/locale';

/** The content script's strings, sent by the service worker in the CM's language. */
let catalog: Catalog = {};

export function setStrings(strings: Catalog): void {
  catalog = strings;
}

export function tc(key: string, ...substitutions: string[]): string {
  return formatMessage(catalog, key, substitutions);
}

/** A comment's intensity as the CM reads it, a level word ("intensité forte"), never a percentage. */
export function intensityWords(intensity: number): string {
  return tc('intensityLevel', tc(`level_${intensityLevel(intensity)}`));
}
