/**
 * Large files cross between the dashboard and the service worker in parts — a backup both ways, a research
 * export's zip: Chromium refuses an extension message over 64 MiB, and a busy account's history (90 days
 * of 1,000 comments) makes a backup larger than that.
 */

/**
 * A part's length in UTF-16 code units. Serialised, a part of nothing but escaped control characters
 * would take six bytes per unit: 6 MiB, far below the limit.
 */
export const TRANSFER_PART_CHARS = 1 << 20;

/** Transfers kept at once: a backup, a restore and an export in flight, and one abandoned by a closed tab. */
const MAX_HELD = 4;

/** Cuts a text into parts of at most `size` units, never between the two halves of a surrogate pair. */
export function splitParts(text: string, size = TRANSFER_PART_CHARS): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    // A lone half would reach the other side as U+FFFD.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff && end - 1 > start) end--;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts.length > 0 ? parts : [''];
}

/**
 * The service worker's transfers in memory, by id: a backup or an export waiting for the dashboard to read
 * its parts, or a file's parts arriving before its restore. A restarted service worker has none; the dashboard then
 * says the transfer was interrupted. The oldest goes when a new one would exceed MAX_HELD.
 */
export class Transfers {
  private readonly held = new Map<string, (string | undefined)[]>();

  /** Keeps a text to be read in parts; returns how many. */
  hold(id: string, text: string): number {
    const parts = splitParts(text);
    this.make(id, parts);
    return parts.length;
  }

  /** Part `index` of a held text, or null when it is gone (or never was); the last part read lets it go. */
  part(id: string, index: number): string | null {
    const parts = this.held.get(id);
    const text = parts?.[index] ?? null;
    if (parts && index === parts.length - 1) this.held.delete(id);
    return text;
  }

  /** Receives part `index` of `total`; false when it contradicts the parts already received. */
  receive(id: string, index: number, total: number, text: string): boolean {
    const parts = this.held.get(id) ?? this.make(id, new Array<string | undefined>(total).fill(undefined));
    if (parts.length !== total || index < 0 || index >= total) return false;
    parts[index] = text;
    return true;
  }

  /** The whole text once every part has arrived, or null; the transfer is forgotten either way. */
  take(id: string): string | null {
    const parts = this.held.get(id);
    this.held.delete(id);
    // A hole is a part that never came (`some` would skip it, hence the fill above).
    if (!parts || parts.some((part) => part === undefined)) return null;
    return parts.join('');
  }

  private make(id: string, parts: (string | undefined)[]): (string | undefined)[] {
    this.held.delete(id);
    while (this.held.size >= MAX_HELD) {
      const oldest = this.held.keys().next().value;
      if (oldest === undefined) break;
      this.held.delete(oldest);
    }
    this.held.set(id, parts);
    return parts;
  }
}
