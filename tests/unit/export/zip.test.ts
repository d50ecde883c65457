import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ZipWriter } from '../../../src/export/zip';

const lines = (count: number, line: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => line(i)).join('');

describe('ZipWriter', () => {
  it('round-trips through fflate: files in the order started, written side by side in chunks', async () => {
    const zip = new ZipWriter(Date.UTC(2026, 10, 25, 23, 30));
    const csv = zip.file('comments.csv');
    const jsonl = zip.file('comments.jsonl');
    for (let i = 0; i < 3_000; i++) {
      await csv.write(`${i},Zoé\r\n`);
      await jsonl.write(new TextEncoder().encode(`{"i":${i}}\n`));
    }
    await Promise.all([csv.close(), jsonl.close()]);
    await zip.add('empty.jsonl', '');
    await zip.add('manifest.json', '{}\n');
    const files = unzipSync(zip.finish());
    expect(Object.keys(files)).toEqual(['comments.csv', 'comments.jsonl', 'empty.jsonl', 'manifest.json']);
    expect(strFromU8(files['comments.csv'] as Uint8Array)).toBe(lines(3_000, (i) => `${i},Zoé\r\n`));
    expect(strFromU8(files['comments.jsonl'] as Uint8Array)).toBe(lines(3_000, (i) => `{"i":${i}}\n`));
    expect(files['empty.jsonl']).toEqual(new Uint8Array(0));
    expect(strFromU8(files['manifest.json'] as Uint8Array)).toBe('{}\n');
  });

  it('dates every file to midnight of the UTC day, whatever the hour and time zone', async () => {
    const zipAt = async (now: number) => {
      const zip = new ZipWriter(now);
      await zip.add('a.csv', 'x\r\n');
      return zip.finish();
    };
    const bytes = await zipAt(Date.UTC(2026, 10, 25, 23, 30));
    const zone = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = tz; // Node takes a new zone at once
        expect(await zipAt(Date.UTC(2026, 10, 25, 0, 1)), tz).toEqual(bytes);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    // The local header's MS-DOS time and date.
    const header = new DataView(bytes.buffer);
    expect(header.getUint16(10, true)).toBe(0);
    expect(header.getUint16(12, true)).toBe(((2026 - 1980) << 9) | (11 << 5) | 25);
  });

  it('refuses to finish while a file is open', async () => {
    const zip = new ZipWriter(Date.UTC(2026, 0, 1));
    await zip.file('a.csv').write('x');
    expect(() => zip.finish()).toThrow(/left open/);
  });
});
