import { intensityLevel } from '../shared/levels';
import { type Catalog, formatMessage } from '../shared/locale';

/** The content script's strings, sent by the service worker in the CM's language. */
let catalog: Catalog = {};

/** What was built from the catalog (words, badges), by the caller's key: dropped when the catalog changes. */
const built = new Map<string, unknown>();
/** How many catalogs came before this one: what was drawn with an earlier one says so. */
let catalogs = 0;

export function setStrings(strings: Catalog): void {
  catalog = strings;
  built.clear();
  catalogs++;
}

/** Changes with each catalog set. */
export function stringsVersion(): number {
  return catalogs;
}

/**
 * `make()`, built once per catalog for `key` (a badge is the same for every comment alike); when it gives
 * undefined, nothing is kept and it is made again next time.
 */
export function perCatalog<T>(key: string, make: () => T): T {
  let value = built.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    if (value !== undefined) built.set(key, value);
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
