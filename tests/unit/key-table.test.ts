import { describe, expect, it } from 'vitest';
import { createKeyTable } from '../../src/content/key-table';

describe('key table', () => {
  it('gives back what was set, by key, and nothing for a key never set', () => {
    const table = createKeyTable<'reply' | 'context'>();
    table.set('1790000000000005002', 'context');
    table.set('1790000000000005003', 'reply');
    expect(table.get('1790000000000005002')).toBe('context');
    expect(table.get('1790000000000005003')).toBe('reply');
    expect(table.get('1790000000000005004')).toBeUndefined();
    expect(table.size).toBe(2);
  });

  it('counts a key set again once, and says which values some key holds now', () => {
    const table = createKeyTable();
    table.set('a', 'context');
    expect(table.holds('context')).toBe(true);
    table.set('a', 'reply');
    expect(table.size).toBe(1);
    expect(table.get('a')).toBe('reply');
    expect(table.holds('context')).toBe(false);
    expect(table.holds('reply')).toBe(true);
    expect(table.holds('elsewhere')).toBe(false);
  });

  it('keeps every key as it grows far past its first capacity', () => {
    const table = createKeyTable();
    const keys = Array.from({ length: 20_000 }, (_, i) => `x:17900000000${String(i).padStart(8, '0')}`);
    for (const [i, key] of keys.entries()) table.set(key, i % 3 === 0 ? 'context' : 'reply');
    // Set again to what it holds: a key that lost its value would show as 'lost'.
    for (const key of keys) table.set(key, table.get(key) ?? 'lost');
    expect(table.size).toBe(keys.length);
    expect(keys.filter((key, i) => table.get(key) !== (i % 3 === 0 ? 'context' : 'reply'))).toEqual([]);
    expect(table.holds('lost')).toBe(false);
  });

  it('refuses a 256th distinct value rather than mix values up', () => {
    const table = createKeyTable();
    for (let i = 0; i < 255; i++) table.set(`key ${i}`, `value ${i}`);
    expect(() => table.set('one more', 'value 255')).toThrow(RangeError);
    expect(table.get('key 254')).toBe('value 254');
  });
});
