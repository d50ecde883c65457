import { describe, expect, it } from 'vitest';
import { perCatalog, setStrings, tc } from '../../src/content/i18n';

describe('what the content script builds from its strings', () => {
  it('builds each thing once per catalog, again once the catalog changes', () => {
    setStrings({ labelTroll: { message: 'Troll' } });
    let builds = 0;
    const words = () => perCatalog('words', () => `${tc('labelTroll')} ${++builds}`);
    expect(words()).toBe('Troll 1');
    expect(words()).toBe('Troll 1');
    setStrings({ labelTroll: { message: 'Trolling' } });
    expect(words()).toBe('Trolling 2');
  });

  it('keeps nothing that could not be built, and tries again next time', () => {
    setStrings({});
    const widths = [undefined, 172];
    const width = () => perCatalog('width', () => widths.shift());
    expect(width()).toBeUndefined();
    expect(width()).toBe(172);
    expect(width()).toBe(172);
  });
});
