// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportPanel } from '../../../src/dashboard/ExportPanel';
import {
  DEFAULT_EXPORT_OPTIONS,
  type ExportOptions,
  type ExportPreview,
  type PreviewTable,
} from '../../../src/export/messages';
import type { UiToBg } from '../../../src/messages';

const ask = vi.hoisted(() => vi.fn());
vi.mock('../../../src/ui/client', () => ({ ask }));
vi.mock('../../../src/ui/i18n', () => {
  const t = (key: string, substitutions?: string | string[]) =>
    substitutions === undefined ? key : `${key}(${[substitutions].flat().join('|')})`;
  // Counted strings show their key and count, or their substitutions when given.
  const tn = (key: string, count: number, substitutions?: string[]) => t(key, substitutions ?? String(count));
  return { t, tn };
});

const HOSTILE = '<img src=x onerror="alert(1)"> [NAME] nul';

const ASOF = Date.UTC(2026, 10, 25, 9);
/** Two rows on the first page, then 118 more: three pages of 50. */
const allRows = (options: ExportOptions) =>
  [
    { ref: 'comment:x:1', cells: [1, '2026-11-20', HOSTILE] },
    { ref: 'comment:x:2', cells: [2, '2026-11-21', 'ok'] },
    ...Array.from({ length: 118 }, (_, i) => ({
      ref: `comment:x:${i + 3}`,
      cells: [i + 3, '2026-11-21', `row ${i + 3}`],
    })),
  ].filter((row) => !options.excludedRows.includes(row.ref));

function pageFor(options: ExportOptions, offset: number): PreviewTable {
  const rows = allRows(options);
  const start = Math.min(offset, Math.floor((rows.length - 1) / 50) * 50);
  return {
    name: 'comments_seen',
    columns: ['comment_no', 'day', 'text'],
    total: rows.length,
    offset: start,
    rows: rows.slice(start, start + 50),
  };
}

function previewFor(options: ExportOptions): ExportPreview {
  const total = allRows(options).length;
  return {
    asOf: ASOF,
    fingerprint: `${options.excludedRows.length}`.padStart(16, '0'),
    pageSize: 50,
    tables: [pageFor(options, 0)],
    files: [{ name: 'comments_seen.csv', rows: total }],
    days: [
      { day: '2026-11-20', rows: 1, excluded: false },
      { day: '2026-11-21', rows: 119, excluded: false },
    ],
    noteCandidates: [],
    excludedRows: 120 - total,
    suppressedRows: 0,
  };
}

let root: HTMLDivElement;
beforeEach(() => {
  ask.mockReset();
  ask.mockImplementation(async (message: UiToBg) => {
    if (message.type === 'ui→bg:export-preview') return previewFor(message.options);
    if (message.type === 'ui→bg:export-page') return pageFor(message.options, message.offset);
    throw new Error(`unexpected ${message.type}`);
  });
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const previewCalls = () =>
  ask.mock.calls.map(([message]) => message as UiToBg).filter((m) => m.type === 'ui→bg:export-preview');
const downloadButton = () =>
  [...root.querySelectorAll('button')].find((button) => button.textContent === 'exportDownload');
const consentBox = () => root.querySelector<HTMLInputElement>('[data-testid="export-consent"]');

async function settle(check: () => void) {
  // A hang guard, not a speed goal: the check passes as soon as the panel shows what it waits for.
  await vi.waitFor(check, { timeout: 15_000, interval: 20 });
}

describe('ExportPanel', () => {
  it('shows the anonymised rows as text and enables Download only after consent', async () => {
    await act(() => render(<ExportPanel />, root));
    await settle(() =>
      expect(root.querySelector('[data-testid="export-preview-comments_seen"]')).not.toBeNull(),
    );

    expect(root.textContent).toContain(HOSTILE);
    expect(root.querySelector('img')).toBeNull();
    expect(downloadButton()?.disabled).toBe(true);

    await act(() => consentBox()?.click());
    expect(downloadButton()?.disabled).toBe(false);
  });

  it('asks again without a row the CM left out, and the consent must be given again', async () => {
    await act(() => render(<ExportPanel />, root));
    await settle(() => expect(consentBox()).not.toBeNull());
    await act(() => consentBox()?.click());

    const leaveOut = root.querySelector<HTMLInputElement>('input[aria-label="exportLeaveOutRow(1)"]');
    await act(() => leaveOut?.click());
    await settle(() => expect(previewCalls()).toHaveLength(2));
    const last = previewCalls().at(-1) as Extract<UiToBg, { type: 'ui→bg:export-preview' }>;
    expect(last.options.excludedRows).toEqual(['comment:x:1']);
    await settle(() => expect(root.textContent).not.toContain(HOSTILE));
    expect(root.textContent).toContain('exportExcludedCount(1)');
    expect(consentBox()?.checked).toBe(false);
    expect(downloadButton()?.disabled).toBe(true);
    // One draft per visit: the same export key and snapshot from preview to download.
    expect(new Set(previewCalls().map((call) => 'draftId' in call && call.draftId)).size).toBe(1);
    expect(new Set(previewCalls().map((call) => 'exportKey' in call && call.exportKey)).size).toBe(1);
    expect(previewCalls().map((call) => 'asOf' in call && call.asOf)).toEqual([null, ASOF]);
  });

  it('describes comments by label and band unless the CM asks for finer values, warned of the risk', async () => {
    await act(() => render(<ExportPanel />, root));
    await settle(() => expect(consentBox()).not.toBeNull());
    expect(root.textContent).toContain('exportConsentBands');
    expect(root.textContent).toContain('exportFinerValuesRisk');
    await act(() => consentBox()?.click());

    const finer = root.querySelector<HTMLInputElement>('[data-testid="export-choice-exportFinerValues"]');
    expect(finer?.checked).toBe(false);
    await act(() => finer?.click());
    await settle(() => expect(previewCalls()).toHaveLength(2));
    const last = previewCalls().at(-1) as Extract<UiToBg, { type: 'ui→bg:export-preview' }>;
    expect(last.options.finerValues).toBe(true);
    await settle(() => expect(root.textContent).toContain('exportConsentFinerValues'));
    // What leaves changed: the consent must be given again.
    expect(consentBox()?.checked).toBe(false);
  });

  it('warns that redacted text can still name someone, and the consent no longer says it names no one', async () => {
    await act(() => render(<ExportPanel />, root));
    await settle(() => expect(consentBox()).not.toBeNull());
    expect(root.textContent).toContain('exportRedactedTextRisk');
    const consent = () => consentBox()?.parentElement?.textContent ?? '';
    expect(consent()).toContain('exportConsentNoIdentity');
    expect(consent()).not.toContain('exportConsentNoIdentityBesidesText');

    await act(() =>
      root.querySelector<HTMLInputElement>('[data-testid="export-choice-exportRedactedText"]')?.click(),
    );
    await settle(() => expect(previewCalls()).toHaveLength(2));
    await settle(() => expect(consent()).toContain('exportConsentNoIdentityBesidesText'));
    expect(consent()).toContain('exportConsentTextRedacted');
  });

  it('says only what the export holds: no count of zero, no note when none is chosen', async () => {
    await act(() => render(<ExportPanel />, root));
    await settle(() => expect(consentBox()).not.toBeNull());
    const consent = consentBox()?.parentElement?.textContent ?? '';
    expect(consent).toContain('exportConsentComments(120)');
    expect(consent).not.toContain('exportConsentActions(0)');
    expect(consent).not.toContain('exportConsentNotes');
  });

  it('pages through every row, and a row left out on a later page stays on that page', async () => {
    await act(() => render(<ExportPanel />, root));
    await settle(() => expect(consentBox()).not.toBeNull());
    await act(() => consentBox()?.click());
    const button = (label: string) => root.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
    expect(button('exportPagePrevious')?.disabled).toBe(true);
    await act(() => button('exportPageLast')?.click());
    await settle(() => expect(root.textContent).toContain('row 120'));
    expect(root.textContent).not.toContain(HOSTILE);
    expect(root.querySelector('caption')?.textContent).toBe('exportTablePage(comments_seen.csv|101|120|120)');
    // Paging is no change of what leaves: the consent stands.
    expect(consentBox()?.checked).toBe(true);
    const pageCalls = () =>
      ask.mock.calls.map(([m]) => m as UiToBg).filter((m) => m.type === 'ui→bg:export-page');
    expect(pageCalls().at(-1)).toMatchObject({ table: 'comments_seen', offset: 100, asOf: ASOF });

    await act(() =>
      root.querySelector<HTMLInputElement>('input[aria-label="exportLeaveOutRow(120)"]')?.click(),
    );
    await settle(() => expect(root.textContent).toContain('exportExcludedCount(1)'));
    await settle(() =>
      expect(root.querySelector('caption')?.textContent).toBe(
        'exportTablePage(comments_seen.csv|101|119|119)',
      ),
    );
    expect(consentBox()?.checked).toBe(false);
    await act(() => button('exportPageFirst')?.click());
    await settle(() => expect(root.textContent).toContain(HOSTILE));
  });

  it('downloads the zip the service worker built, through a Blob link', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:zip');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    const zipCalls: UiToBg[] = [];
    ask.mockImplementation(async (message: UiToBg) => {
      // The zip in two parts, each whole base64, as the service worker holds it.
      if (message.type === 'ui→bg:transfer-part') return { text: ['UEsD', 'BA=='][message.index] };
      if (message.type !== 'ui→bg:export-zip') return previewFor(DEFAULT_EXPORT_OPTIONS);
      zipCalls.push(message);
      return {
        ok: true,
        fileName: 'desaffect-research-export-2026-11-25.zip',
        bytes: 4,
        transferId: 'zip-1',
        parts: 2,
      };
    });
    await act(() => render(<ExportPanel />, root));
    await settle(() => expect(consentBox()).not.toBeNull());
    await act(() => consentBox()?.click());
    await act(() => downloadButton()?.click());
    await settle(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]?.download).toBe('desaffect-research-export-2026-11-25.zip');
    const blob = createObjectURL.mock.calls[0]?.[0] as Blob;
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([0x50, 0x4b, 3, 4]));
    // The zip of the very preview: its snapshot and fingerprint.
    expect(zipCalls[0]).toMatchObject({
      asOf: ASOF,
      fingerprint: previewFor(DEFAULT_EXPORT_OPTIONS).fingerprint,
    });
    click.mockRestore();
  });

  it('says the download was interrupted when the service worker lost the zip between two parts', async () => {
    ask.mockImplementation(async (message: UiToBg) => {
      if (message.type === 'ui→bg:transfer-part') return message.index === 0 ? { text: 'UEsD' } : null;
      if (message.type !== 'ui→bg:export-zip') return previewFor(DEFAULT_EXPORT_OPTIONS);
      return { ok: true, fileName: 'x.zip', bytes: 4, transferId: 'zip-1', parts: 2 };
    });
    await act(() => render(<ExportPanel />, root));
    await settle(() => expect(consentBox()).not.toBeNull());
    await act(() => consentBox()?.click());
    await act(() => downloadButton()?.click());
    await settle(() => expect(root.textContent).toContain('dashTransferInterrupted'));
  });

  it('shows the new preview and asks for consent again when the rows changed since', async () => {
    let changed = false;
    ask.mockImplementation(async (message: UiToBg) => {
      if (message.type === 'ui→bg:export-zip') return { ok: false, reason: 'changed' };
      if (message.type === 'ui→bg:export-preview') {
        const preview = previewFor(message.options);
        return changed ? { ...preview, fingerprint: 'ffffffffffffffff' } : preview;
      }
      throw new Error(`unexpected ${message.type}`);
    });
    await act(() => render(<ExportPanel />, root));
    await settle(() => expect(consentBox()).not.toBeNull());
    await act(() => consentBox()?.click());
    changed = true;
    await act(() => downloadButton()?.click());
    await settle(() => expect(root.querySelector('[data-testid="export-changed"]')).not.toBeNull());
    await settle(() => expect(previewCalls()).toHaveLength(2));
    expect(consentBox()?.checked).toBe(false);
    expect(downloadButton()?.disabled).toBe(true);
  });
});
