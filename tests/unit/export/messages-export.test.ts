import { describe, expect, it } from 'vitest';
import { parseUiToBg } from '../../../src/shared/messages';
import { DEFAULT_EXPORT_OPTIONS } from '../../../src/shared/messages-export';

const preview = { type: 'ui→bg:export-preview', draftId: 'draft-0001', options: DEFAULT_EXPORT_OPTIONS };

describe('export messages at the service worker boundary', () => {
  it('accepts a well-formed preview and zip request', () => {
    expect(parseUiToBg(preview)).toEqual(preview);
    expect(parseUiToBg({ ...preview, type: 'ui→bg:export-zip' })).not.toBeNull();
  });

  it.each([
    ['an unknown granularity', { ...preview, options: { ...DEFAULT_EXPORT_OPTIONS, granularity: 'minute' } }],
    ['raw text', { ...preview, options: { ...DEFAULT_EXPORT_OPTIONS, text: 'raw' } }],
    ['an unknown category', { ...preview, options: { ...DEFAULT_EXPORT_OPTIONS, accountCategory: 'bank' } }],
    ['a malformed day', { ...preview, options: { ...DEFAULT_EXPORT_OPTIONS, from: '25/11/2026' } }],
    ['a short draft id', { ...preview, draftId: 'x' }],
    ['missing options', { type: 'ui→bg:export-zip', draftId: 'draft-0001' }],
  ])('refuses %s', (_, message) => {
    expect(parseUiToBg(message)).toBeNull();
  });
});
