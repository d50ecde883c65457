/**
 * The interface language and its strings. `browser.i18n` always follows the browser's language; the CM
 * may choose another in the settings, so pages and the content script read the same catalogs directly.
 */
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';

export type UiLanguage = 'fr' | 'en';
export type Catalog = Readonly<
  Record<string, { message: string; placeholders?: Record<string, { content: string }> }>
>;

export const CATALOGS: Readonly<Record<UiLanguage, Catalog>> = { en, fr };

/** French for a French browser unless the CM chose otherwise; English for everything else. */
export function resolveLanguage(setting: 'auto' | UiLanguage, browserLanguage: string): UiLanguage {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Chrome's message format: named `$NAME$` placeholders whose content is `$1`…`$9`, and `$$` for `$`. */
export function formatMessage(catalog: Catalog, key: string, substitutions: readonly string[] = []): string {
  const entry = catalog[key];
  if (!entry) return key;
  const positional = (text: string) =>
    text.replace(/\$(\d)/g, (_m, n: string) => substitutions[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_]+)\$/g, (match, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? positional(placeholder.content) : match;
    })
    .replace(/\$\$/g, '$');
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * The key of a counted message in this language: `key_one`, `key_other`… as `Intl.PluralRules` classes
 * the count (French puts 0 and 1 in "one"), falling back to `key_other`.
 */
export function pluralKey(catalog: Catalog, key: string, count: number, language: string): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  const exact = `${key}_${rules.select(count)}`;
  return catalog[exact] ? exact : `${key}_other`;
}

/** The few strings the content script needs, so it need not carry both catalogs. */
export function subCatalog(catalog: Catalog, prefixes: readonly string[]): Catalog {
  return Object.fromEntries(
    Object.entries(catalog).filter(([key]) => prefixes.some((p) => key.startsWith(p))),
  );
}
