/** A backup between the dashboard and the service worker goes in parts (src/shared/transfer.ts). */
import { describe, expect, it } from 'vitest';
import { splitParts, TRANSFER_PART_CHARS, Transfers } from '../../src/shared/transfer';

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

describe('splitParts', () => {
  it('cuts at the part size and joins back to the same text', () => {
    const text = 'abcdefghij';
    expect(splitParts(text, 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(splitParts('', 4)).toEqual(['']);
    expect(splitParts('x'.repeat(TRANSFER_PART_CHARS + 1))).toHaveLength(2);
  });

  it('never ends a part on the first half of a character outside the BMP', () => {
    const text = `a${'😀'.repeat(50)}`;
    for (const size of [2, 3, 4, 7]) {
      const parts = splitParts(text, size);
      expect(parts.join('')).toBe(text);
      for (const part of parts) {
        expect(part.length).toBeLessThanOrEqual(size);
        expect(isHighSurrogate(part.charCodeAt(part.length - 1))).toBe(false);
      }
    }
  });
});

describe('Transfers', () => {
  it('holds a text for reading in parts and lets it go once the last part is read', () => {
    const transfers = new Transfers();
    const text = 'z'.repeat(TRANSFER_PART_CHARS * 2 + 5);
    expect(transfers.hold('b', text)).toBe(3);
    const parts = [0, 1, 2].map((index) => transfers.part('b', index));
    expect(parts.join('')).toBe(text);
    expect(transfers.part('b', 0)).toBeNull();
  });

  it('joins parts received in any order, and only when every one has come', () => {
    const transfers = new Transfers();
    expect(transfers.receive('r', 1, 2, 'world')).toBe(true);
    expect(transfers.receive('r', 0, 2, 'hello ')).toBe(true);
    expect(transfers.take('r')).toBe('hello world');
    expect(transfers.take('r')).toBeNull();

    expect(transfers.receive('s', 0, 2, 'half')).toBe(true);
    expect(transfers.take('s')).toBeNull();
  });

  it('refuses a part that contradicts the others', () => {
    const transfers = new Transfers();
    expect(transfers.receive('r', 0, 2, 'a')).toBe(true);
    expect(transfers.receive('r', 0, 3, 'a')).toBe(false);
    expect(transfers.receive('r', 2, 2, 'a')).toBe(false);
  });

  it('keeps a few transfers at most, dropping the oldest (a tab closed in the middle)', () => {
    const transfers = new Transfers();
    for (const id of ['a', 'b', 'c', 'd', 'e']) transfers.receive(id, 0, 1, id);
    expect(transfers.take('a')).toBeNull();
    expect(['b', 'c', 'd', 'e'].map((id) => transfers.take(id))).toEqual(['b', 'c', 'd', 'e']);
  });
});
