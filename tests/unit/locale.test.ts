import { describe, expect, it } from 'vitest';
import { CATALOGS, formatMessage, pluralKey, resolveLanguage, subCatalog } from '../../src/shared/locale';

describe('locale', () => {
  it('follows the browser unless the CM chose a language', () => {
    expect(resolveLanguage('auto', 'fr-BE')).toBe('fr');
    expect(resolveLanguage('auto', 'en-US')).toBe('en');
    expect(resolveLanguage('auto', 'de')).toBe('en');
    expect(resolveLanguage('en', 'fr-FR')).toBe('en');
  });

  it('formats named placeholders like browser.i18n', () => {
    expect(formatMessage(CATALOGS.en, 'commentsReadOnPage_other', ['12'])).toBe(
      '12 comments read on this page',
    );
    expect(formatMessage(CATALOGS.fr, 'badgeWords', ['Troll', 'forte'])).toBe('Troll · forte');
    expect(formatMessage(CATALOGS.fr, 'badgeWordsUncertain', ['Troll', 'forte'])).toBe(
      'Troll · forte\u202f?',
    );
    expect(formatMessage(CATALOGS.en, 'no-such-key')).toBe('no-such-key');
  });

  it('picks the plural form the language gives a count: French puts 0 and 1 in the singular', () => {
    const key = (language: 'fr' | 'en', count: number) =>
      formatMessage(
        CATALOGS[language],
        pluralKey(CATALOGS[language], 'dashSummaryHostile', count, language),
        [String(count)],
      );
    expect([0, 1, 2].map((count) => key('fr', count))).toEqual([
      '0 commentaire hostile aujourd’hui',
      '1 commentaire hostile aujourd’hui',
      '2 commentaires hostiles aujourd’hui',
    ]);
    expect([0, 1, 2].map((count) => key('en', count))).toEqual([
      '0 hostile comments today',
      '1 hostile comment today',
      '2 hostile comments today',
    ]);
  });

  it('writes French as French: typographic apostrophes, no-break spaces before : ; ! ? and inside « »', () => {
    for (const [key, { message }] of Object.entries(CATALOGS.fr)) {
      expect({ key, message }).toEqual({ key, message: expect.not.stringMatching(/'| [:;!?»]|« /) });
    }
    for (const [key, { message }] of Object.entries(CATALOGS.en)) {
      expect({ key, message }).toEqual({ key, message: expect.not.stringMatching(/'/) });
    }
  });

  it('gives every counted string a singular and a plural in both languages', () => {
    for (const catalog of [CATALOGS.fr, CATALOGS.en]) {
      const counted = Object.keys(catalog).filter((key) => key.endsWith('_other'));
      expect(counted.length).toBeGreaterThan(20);
      for (const key of counted) expect(catalog[key.replace(/_other$/, '_one')]).toBeDefined();
    }
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
