import { describe, expect, it } from 'vitest';
import { benchExport, benchExportRedacted, syntheticBackupTables } from '../../../scripts/lib/export-bench';

describe('benchExport', () => {
  it('times a real export of the synthetic history, without and with redacted text', async () => {
    const { ms, bytes } = await benchExport(3_000);
    expect(ms).toBeGreaterThan(0);
    // Deflated tables of 3,000 comments: far from empty, far below the raw text.
    expect(bytes).toBeGreaterThan(20_000);
    expect(bytes).toBeLessThan(2_000_000);
    const redacted = await benchExportRedacted(3_000);
    expect(redacted.bytes).toBeGreaterThan(bytes);
  });

  it('builds the history it claims, every row a distinct comment', () => {
    const tables = syntheticBackupTables(1_000);
    expect(new Set(tables.comments.map((row) => row.key)).size).toBe(1_000);
    expect(tables.actions).toHaveLength(100);
  });
});
