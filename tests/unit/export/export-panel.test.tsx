// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportPanel } from '../../../src/dashboard/ExportPanel';
import type { UiToBg } from '../../../src/shared/messages';
import {
  DEFAULT_EXPORT_OPTIONS,
  type ExportOptions,
  type ExportPreview,
} from '../../../src/shared/messages-export';

const ask = vi.hoisted(() => vi.fn());
vi.mock('../../../src/ui/client', () => ({ ask }));
vi.mock('../../../src/ui/i18n', () => ({
  t: (key: string, substitutions?: string | string[]) =>
    substitutions === undefined ? key : `${key}(${[substitutions].flat().join('|')})`,
}));

const HOSTILE = '<img src=x onerror="alert(1)"> [NAME] nul';

function previewFor(options: ExportOptions): ExportPreview {
  const rows = [
    { ref: 'comment:x:1', cells: [1, '2026-11-20', HOSTILE] },
    { ref: 'comment:x:2', cells: [2, '2026-11-21', 'ok'] },
  ].filter((row) => !options.excludedRows.includes(row.ref));
  return {
    tables: [{ name: 'comments_seen', columns: ['comment_no', 'day', 'text'], total: rows.length, rows }],
    files: [{ name: 'comments_seen.csv', rows: rows.length }],
    days: [
      { day: '2026-11-20', rows: 1, excluded: false },
      { day: '2026-11-21', rows: 1, excluded: false },
    ],
    noteCandidates: [],
    excludedRows: 2 - rows.length,
  };
}

let root: HTMLDivElement;
beforeEach(() => {
  ask.mockReset();
  ask.mockImplementation(async (message: UiToBg) => {
    if (message.type === 'ui→bg:export-preview') return previewFor(message.options);
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
  await vi.waitFor(check, { timeout: 3_000, interval: 20 });
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
    // One draft per visit: the same pseudonym key from preview to download.
    expect(new Set(previewCalls().map((call) => 'draftId' in call && call.draftId)).size).toBe(1);
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
    ask.mockImplementation(async (message: UiToBg) =>
      message.type === 'ui→bg:export-zip'
        ? {
            fileName: 'desaffect-research-export-2026-11-25.zip',
            zipBase64: btoa('PK\u0003\u0004'),
            bytes: 4,
          }
        : previewFor(DEFAULT_EXPORT_OPTIONS),
    );
    await act(() => render(<ExportPanel />, root));
    await settle(() => expect(consentBox()).not.toBeNull());
    await act(() => consentBox()?.click());
    await act(() => downloadButton()?.click());
    await settle(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]?.download).toBe('desaffect-research-export-2026-11-25.zip');
    const blob = createObjectURL.mock.calls[0]?.[0] as Blob;
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([0x50, 0x4b, 3, 4]));
    click.mockRestore();
  });
});
