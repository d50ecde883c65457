/**
 * Packs export files into a zip (service worker and CLI only). Deflate is the platform's own
 * (`CompressionStream('gzip')`: native code in Chrome, Firefox and Node, on a worker thread in Node), fed
 * as the tables are written, so the text of a big export is never held whole. The gzip trailer carries
 * the CRC-32 the zip needs; the zip around it is written here (stored sizes, no data descriptors).
 */

const encoder = new TextEncoder();

interface Entry {
  name: Uint8Array;
  crc: number;
  size: number;
  data: Uint8Array;
}

/** One file being compressed: write text or bytes, then close to get its deflated bytes and CRC. */
export interface ZipFileWriter {
  write(chunk: string | Uint8Array<ArrayBuffer>): Promise<void>;
  close(): Promise<void>;
}

/** Strips the gzip member's header (10 bytes, more with optional fields) and 8-byte trailer. */
function fromGzip(gzip: Uint8Array): { deflated: Uint8Array; crc: number } {
  if (gzip[0] !== 0x1f || gzip[1] !== 0x8b || gzip[2] !== 8) throw new Error('unexpected gzip stream');
  const flags = gzip[3] as number;
  let offset = 10;
  const view = new DataView(gzip.buffer, gzip.byteOffset, gzip.byteLength);
  if (flags & 4) offset += 2 + view.getUint16(offset, true);
  for (const bit of [8, 16]) {
    if (flags & bit) {
      while (gzip[offset] !== 0) offset++;
      offset++;
    }
  }
  if (flags & 2) offset += 2;
  return {
    deflated: gzip.subarray(offset, gzip.length - 8),
    crc: view.getUint32(gzip.length - 8, true),
  };
}

/** MS-DOS date and time of the export's UTC day, midnight: identical input, identical zip. */
function dosDate(epochMs: number): { date: number; time: number } {
  const day = new Date(epochMs);
  const year = Math.min(Math.max(day.getUTCFullYear(), 1980), 2107);
  return { date: ((year - 1980) << 9) | ((day.getUTCMonth() + 1) << 5) | day.getUTCDate(), time: 0 };
}

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private readonly pending: Promise<void>[] = [];
  private readonly stamp: { date: number; time: number };

  constructor(now: number) {
    this.stamp = dosDate(now);
  }

  /**
   * Starts a file; its place in the zip is the order of this call. Several files may be written at once
   * (a table's CSV and JSON Lines).
   */
  file(name: string): ZipFileWriter {
    const stream = new CompressionStream('gzip');
    const writer = stream.writable.getWriter();
    const entry: Entry = { name: encoder.encode(name), crc: 0, size: 0, data: new Uint8Array(0) };
    this.entries.push(entry);
    const done = new Response(stream.readable).arrayBuffer().then((buffer) => {
      const { deflated, crc } = fromGzip(new Uint8Array(buffer));
      entry.data = deflated;
      entry.crc = crc;
    });
    this.pending.push(done);
    return {
      async write(chunk) {
        const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
        if (bytes.length === 0) return;
        entry.size += bytes.length;
        // Waits for room, not for the compression: the next chunk is made while this one deflates.
        await writer.ready;
        writer.write(bytes).catch(() => undefined); // a failure surfaces in close()
      },
      async close() {
        await writer.ready;
        await writer.close();
        await done;
      },
    };
  }

  /** A whole file at once. */
  async add(name: string, content: string | Uint8Array<ArrayBuffer>): Promise<void> {
    const file = this.file(name);
    await file.write(content);
    await file.close();
  }

  /** The zip, once every file is closed. */
  async finish(): Promise<Uint8Array<ArrayBuffer>> {
    await Promise.all(this.pending);
    const { date, time } = this.stamp;
    let localSize = 0;
    let centralSize = 0;
    for (const entry of this.entries) {
      if (entry.size >= 0xffff_ffff || entry.data.length >= 0xffff_ffff)
        throw new Error('file too big for zip');
      localSize += 30 + entry.name.length + entry.data.length;
      centralSize += 46 + entry.name.length;
    }
    const zip = new Uint8Array(localSize + centralSize + 22);
    const view = new DataView(zip.buffer);
    let at = 0;
    const offsets: number[] = [];
    const common = (entry: Entry, position: number) => {
      view.setUint16(position, 20, true); // version needed: 2.0 (deflate)
      view.setUint16(position + 2, 0x0800, true); // names in UTF-8
      view.setUint16(position + 4, 8, true); // deflate
      view.setUint16(position + 6, time, true);
      view.setUint16(position + 8, date, true);
      view.setUint32(position + 10, entry.crc, true);
      view.setUint32(position + 14, entry.data.length, true);
      view.setUint32(position + 18, entry.size, true);
      view.setUint16(position + 22, entry.name.length, true);
      view.setUint16(position + 24, 0, true); // no extra field
    };
    for (const entry of this.entries) {
      offsets.push(at);
      view.setUint32(at, 0x04034b50, true);
      common(entry, at + 4);
      zip.set(entry.name, at + 30);
      zip.set(entry.data, at + 30 + entry.name.length);
      at += 30 + entry.name.length + entry.data.length;
    }
    const centralStart = at;
    this.entries.forEach((entry, i) => {
      view.setUint32(at, 0x02014b50, true);
      view.setUint16(at + 4, 20, true); // made by: 2.0, MS-DOS attributes
      common(entry, at + 6);
      // Comment length, disk, internal and external attributes: zero.
      view.setUint32(at + 42, offsets[i] as number, true);
      zip.set(entry.name, at + 46);
      at += 46 + entry.name.length;
    });
    view.setUint32(at, 0x06054b50, true);
    view.setUint16(at + 8, this.entries.length, true);
    view.setUint16(at + 10, this.entries.length, true);
    view.setUint32(at + 12, at - centralStart, true);
    view.setUint32(at + 16, centralStart, true);
    return zip;
  }
}

/** Files at the root of the zip, in the order given; strings are written as UTF-8. */
export async function zipExport(
  files: Record<string, Uint8Array<ArrayBuffer> | string>,
  now = Date.UTC(2026, 0, 1),
): Promise<Uint8Array<ArrayBuffer>> {
  const zip = new ZipWriter(now);
  await Promise.all(Object.entries(files).map(([name, content]) => zip.add(name, content)));
  return zip.finish();
}
