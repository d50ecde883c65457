import { describe, expect, it } from 'vitest';
import { CATALOGS, formatMessage, resolveLanguage, subCatalog } from '../../src/shared/locale';

describe('locale', () => {
  it('follows the browser unless the CM chose a language', () => {
    expect(resolveLanguage('auto', 'fr-BE')).toBe('fr');
    expect(resolveLanguage('auto', 'en-US')).toBe('en');
    expect(resolveLanguage('auto', 'de')).toBe('en');
    expect(resolveLanguage('en', 'fr-FR')).toBe('en');
  });

  it('formats named placeholders like browser.i18n', () => {
    expect(formatMessage(CATALOGS.en, 'commentsReadOnPage', ['12'])).toBe('12 comments read on this page');
    expect(formatMessage(CATALOGS.fr, 'badgeWords', ['Troll', '80'])).toBe('Troll 80 %');
    expect(formatMessage(CATALOGS.en, 'no-such-key')).toBe('no-such-key');
  });

  it('has the same keys in French and English', () => {
    expect(Object.keys(CATALOGS.fr).sort()).toEqual(Object.keys(CATALOGS.en).sort());
  });

  it('keeps only the keys a context needs', () => {
    const catalog = subCatalog(CATALOGS.en, ['label']);
    expect(Object.keys(catalog).length).toBeGreaterThan(3);
    expect(Object.keys(catalog).every((key) => key.startsWith('label'))).toBe(true);
  });
});
