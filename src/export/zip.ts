/**
 * Packs export files into a zip (service worker and CLI): fflate writes the zip (headers, CRC-32, sizes),
 * the platform deflates. fflate's own deflate is JavaScript and made a 100,000-row export about twice as
 * slow; `CompressionStream` is native code in Chrome, Firefox and Node. Files are deflated as the tables
 * are written, so the text of a big export is never held whole.
 */
import { strToU8, Zip, ZipPassThrough } from 'fflate';

/** One file being compressed: write text or bytes, then close it. */
export interface ZipFileWriter {
  write(chunk: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** fflate's documented way to bring another compressor: it counts and checksums, we deflate. */
class NativeDeflate extends ZipPassThrough {
  private readonly writer: WritableStreamDefaultWriter<BufferSource>;
  /** Settles once the last deflated bytes reached the zip. */
  readonly done: Promise<void>;

  constructor(name: string, mtime: Date) {
    super(name);
    this.compression = 8;
    this.mtime = mtime;
    const stream = new CompressionStream('deflate-raw');
    this.writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    this.done = (async () => {
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        this.ondata(null, read.value, false);
      }
      this.ondata(null, new Uint8Array(0), true);
    })();
  }

  /** Room in the compressor's queue: writers wait for it, not for the compression. */
  get ready(): Promise<void> {
    return this.writer.ready;
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    // A failure rejects `done`, which close() and finish() await.
    if (chunk.length > 0) this.writer.write(chunk).catch(() => undefined);
    if (final) this.writer.close().catch(() => undefined);
  }
}

export class ZipWriter {
  private readonly chunks: Uint8Array[] = [];
  private failure: Error | null = null;
  private ended = false;
  private readonly zip = new Zip((error, chunk, final) => {
    if (error) this.failure ??= error;
    else this.chunks.push(chunk);
    this.ended ||= final;
  });
  private readonly mtime: Date;

  constructor(now: number) {
    // Midnight of the export's UTC day: identical input, identical zip. fflate writes local time fields,
    // so the date is built in local time to give the same bytes in every time zone.
    const day = new Date(now);
    this.mtime = new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  }

  /**
   * Starts a file; its place in the zip is the order of this call. Several files may be written at once
   * (a table's CSV and JSON Lines).
   */
  file(name: string): ZipFileWriter {
    const file = new NativeDeflate(name, this.mtime);
    this.zip.add(file);
    return {
      async write(chunk) {
        if (chunk.length === 0) return;
        file.push(typeof chunk === 'string' ? strToU8(chunk) : chunk);
        await file.ready;
      },
      async close() {
        file.push(new Uint8Array(0), true);
        await file.done;
      },
    };
  }

  /** A whole file at once. */
  async add(name: string, content: string | Uint8Array): Promise<void> {
    const file = this.file(name);
    await file.write(content);
    await file.close();
  }

  /** The zip, once every file is closed. */
  finish(): Uint8Array<ArrayBuffer> {
    this.zip.end();
    if (this.failure) throw this.failure;
    if (!this.ended) throw new Error('a zip file was left open');
    const zip = new Uint8Array(this.chunks.reduce((size, chunk) => size + chunk.length, 0));
    let at = 0;
    for (const chunk of this.chunks) {
      zip.set(chunk, at);
      at += chunk.length;
    }
    return zip;
  }
}
