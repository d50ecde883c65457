import { intensityLevel } from '../shared/levels';
import { type Catalog, formatMessage } from '../shared/locale';

/** The content script's strings, sent by the service worker in the CM's language. */
let catalog: Catalog = {};

/** Strings built from the catalog, by the caller's key: dropped when the catalog changes. */
const built = new Map<string, string>();

export function setStrings(strings: Catalog): void {
  catalog = strings;
  built.clear();
}

/** `make()`, built once per catalog for `key` (a badge's words are the same for every badge alike). */
export function builtString(key: string, make: () => string): string {
  let value = built.get(key);
  if (value === undefined) {
    value = make();
    built.set(key, value);
  }
  return value;
}

export function tc(key: string, ...substitutions: string[]): string {
  return formatMessage(catalog, key, substitutions);
}

/** A comment's intensity as the CM reads it, a level word ("intensité forte"), never a percentage. */
export function intensityWords(intensity: number): string {
  return tc('intensityLevel', tc(`level_${intensityLevel(intensity)}`));
}
