import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const { cellText } = await import('../../../src/dashboard/export-words');
const { uiLanguage } = await import('../../../src/ui/i18n');

describe('the export preview in the CM’s words', () => {
  it.each([
    ['en', ['1', '2 to 5', '6 or more', '50 or more']],
    ['fr', ['1', '2 à 5', '6 ou plus', '50 ou plus']],
  ] as const)('shows the bands of a count in %s, not as the files write them', (language, expected) => {
    uiLanguage.value = language;
    expect(
      [
        ['commenter_comments', '1'],
        ['commenter_comments', '2_to_5'],
        ['commenter_comments', '6_or_more'],
        ['thread_comments', '50_or_more'],
      ].map(([column, cell]) => cellText(column as string, cell as string)),
    ).toEqual(expected);
  });
});
