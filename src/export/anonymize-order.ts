/**
 * The order of rows inside each published period. Rows written in the order of their times would date
 * each row (and its `comment_no`) more finely than its period says: a threat third of ten on a day is a
 * morning threat. So each row draws a rank from an AES-CTR keystream under the export's secret key,
 * handed out in the order of the rows' references: the same rows and key give the same order (preview,
 * pages and zip agree), and without the key the order cannot be guessed. One native call per table, not
 * one hash per row.
 */

const utf8 = new TextEncoder();
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A fresh random secret for one export; the caller keeps it in memory only. */
export function randomExportKey(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(32));
}

/**
 * A pseudo-random rank for each of `refs` (distinct references of one table's rows). `table` names the
 * table: each table has its own keystream, so ranks in one say nothing about ranks in another.
 */
export async function keyedRanks(
  exportKey: Uint8Array<ArrayBuffer>,
  table: string,
  refs: readonly string[],
): Promise<Uint32Array> {
  const ranks = new Uint32Array(refs.length);
  if (refs.length === 0) return ranks;
  const hmac = await crypto.subtle.importKey('raw', exportKey, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const tableKey = await crypto.subtle.sign('HMAC', hmac, utf8.encode(`desaffect row order\u0000${table}`));
  const aes = await crypto.subtle.importKey('raw', tableKey, 'AES-CTR', false, ['encrypt']);
  const stream = new Uint32Array(
    await crypto.subtle.encrypt(
      { name: 'AES-CTR', counter: new Uint8Array(16), length: 64 },
      aes,
      new Uint8Array(refs.length * 4),
    ),
  );
  const byRef = refs.map((_, i) => i).sort((a, b) => compareText(refs[a] as string, refs[b] as string));
  byRef.forEach((row, i) => {
    ranks[row] = stream[i] as number;
  });
  return ranks;
}
