/**
 * What the content script remembers of every comment for the page's whole life (X's thread of 10,000
 * replies): which comments it read, which part of the conversation each post is in. A string key and a
 * Map entry cost about 50 bytes a comment, the heap's only growth once the classifier has warmed up; here
 * a key is its 53-bit hash in a typed array (9 bytes a slot, the table a quarter to half full: 18–36). Two of a page's 10,000 keys share a hash
 * about once in 200 million pages (the birthday bound): rare enough not to keep the words.
 */
import { hash53 } from './platforms/text';

const FIRST_CAPACITY = 1_024;
/** Distinct values a table holds (a few labels: the parts of a conversation). */
const MAX_VALUES = 255;

export interface KeyTable<V extends string = string> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  /** Whether some key holds `value` now. */
  holds(value: V): boolean;
  readonly size: number;
}

/** A table from keys to a few distinct values. */
export function createKeyTable<V extends string = string>(): KeyTable<V> {
  let hashes = new Float64Array(FIRST_CAPACITY);
  /** The index in `values` plus one of each slot's value; 0 for an empty slot. */
  let slots = new Uint8Array(FIRST_CAPACITY);
  const values: V[] = [];
  /** How many keys hold each value. */
  const counts: number[] = [];
  let size = 0;

  /** Where `hash` is, or the empty slot where it goes (linear probing: the table is at most half full). */
  const slotOf = (hash: number): number => {
    const mask = hashes.length - 1;
    let at = hash % hashes.length;
    while (slots[at] !== 0 && hashes[at] !== hash) at = (at + 1) & mask;
    return at;
  };

  const grow = () => {
    const oldHashes = hashes;
    const oldSlots = slots;
    hashes = new Float64Array(oldHashes.length * 2);
    slots = new Uint8Array(oldSlots.length * 2);
    for (let i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] === 0) continue;
      const at = slotOf(oldHashes[i] as number);
      hashes[at] = oldHashes[i] as number;
      slots[at] = oldSlots[i] as number;
    }
  };

  return {
    get(key) {
      const stored = slots[slotOf(hash53(key))] as number;
      return stored === 0 ? undefined : values[stored - 1];
    },
    set(key, value) {
      let index = values.indexOf(value);
      if (index < 0) {
        if (values.length === MAX_VALUES)
          throw new RangeError('A key table holds at most 255 distinct values.');
        index = values.push(value) - 1;
        counts.push(0);
      }
      const hash = hash53(key);
      let at = slotOf(hash);
      const before = slots[at] as number;
      if (before === 0) {
        if (2 * (size + 1) > hashes.length) {
          grow();
          at = slotOf(hash);
        }
        size += 1;
      } else counts[before - 1] = (counts[before - 1] as number) - 1;
      hashes[at] = hash;
      slots[at] = index + 1;
      counts[index] = (counts[index] as number) + 1;
    },
    holds(value) {
      return (counts[values.indexOf(value)] ?? 0) > 0;
    },
    get size() {
      return size;
    },
  };
}
