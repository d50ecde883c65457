import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_OPTIONS } from '../../../src/export/messages';
import { parseUiToBg } from '../../../src/messages';

const KEY = `${'A'.repeat(43)}=`;
const preview = {
  type: 'ui→bg:export-preview',
  draftId: 'draft-0001',
  exportKey: KEY,
  asOf: null,
  options: DEFAULT_EXPORT_OPTIONS,
};
const zip = {
  ...preview,
  type: 'ui→bg:export-zip',
  asOf: 1_700_000_000_000,
  fingerprint: '0123456789abcdef',
};
const page = { ...preview, type: 'ui→bg:export-page', asOf: 1_700_000_000_000, table: 'actions', offset: 50 };

describe('export messages at the service worker boundary', () => {
  it('accepts a well-formed preview, page and zip request', () => {
    expect(parseUiToBg(preview)).toEqual(preview);
    expect(parseUiToBg(zip)).toEqual(zip);
    expect(parseUiToBg(page)).toEqual(page);
  });

  it.each([
    ['an unknown granularity', { ...preview, options: { ...DEFAULT_EXPORT_OPTIONS, granularity: 'minute' } }],
    ['raw text', { ...preview, options: { ...DEFAULT_EXPORT_OPTIONS, text: 'raw' } }],
    ['an unknown category', { ...preview, options: { ...DEFAULT_EXPORT_OPTIONS, accountCategory: 'bank' } }],
    ['a malformed day', { ...preview, options: { ...DEFAULT_EXPORT_OPTIONS, from: '25/11/2026' } }],
    ['a short draft id', { ...preview, draftId: 'x' }],
    ['missing options', { type: 'ui→bg:export-zip', draftId: 'draft-0001' }],
    ['a short export key', { ...preview, exportKey: 'AAAA' }],
    ['no export key', { ...preview, exportKey: undefined }],
    ['a zip without snapshot', { ...zip, asOf: null }],
    ['a zip without fingerprint', { ...zip, fingerprint: undefined }],
    ['an unknown table', { ...page, table: 'evidence' }],
    ['a negative offset', { ...page, offset: -1 }],
  ])('refuses %s', (_, message) => {
    expect(parseUiToBg(message)).toBeNull();
  });
});
