import { type Catalog, formatMessage } from '../shared/locale';

/** The content script's strings, sent by the service worker in the CM's language. */
let catalog: Catalog = {};

export function setStrings(strings: Catalog): void {
  catalog = strings;
}

export function tc(key: string, ...substitutions: string[]): string {
  return formatMessage(catalog, key, substitutions);
}
