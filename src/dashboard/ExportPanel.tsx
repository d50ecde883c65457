/**
 * The anonymised research export: the CM chooses what goes in, pages through the exact rows that will
 * leave, agrees in plain words, then downloads the zip the service worker built from that very preview
 * (same snapshot, same export key; refused if the rows changed in between). Comment-derived values are
 * hostile input: they are rendered as text nodes only.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { base64ToBytes, bytesToBase64 } from '../export/base64';
import {
  ACCOUNT_CATEGORIES,
  type AccountCategory,
  DEFAULT_EXPORT_OPTIONS,
  type ExportOptions,
  type ExportPreview,
  type ExportTableName,
  type PreviewTable,
} from '../export/messages';
import { ask } from '../ui/client';
import { downloadBlob } from '../ui/download';
import { formatDay, formatList } from '../ui/format';
import { t, tn } from '../ui/i18n';
import { cellText, columnName } from './export-words';
import { readParts, TransferInterrupted } from './transfers';

/** Options changed in quick succession (ticks, dates) ask the service worker once. */
const PREVIEW_DELAY_MS = 400;

const toggled = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
  on ? [...list, item] : list.filter((other) => other !== item);

/** Rows per table, by name, for the consent statement. */
const totalOf = (preview: ExportPreview, name: string) =>
  preview.tables.find((table) => table.name === name)?.total ?? 0;

function consentStatement(preview: ExportPreview, options: ExportOptions): string {
  // Only notes still in the preview count: a chosen note on a day left out does not leave.
  const notes = preview.noteCandidates.filter((note) => options.checkInNoteIds.includes(note.id)).length;
  // Only what the export holds: "0 check-ins" is no part of it.
  const held = (
    [
      ['exportConsentComments', 'comments_seen'],
      ['exportConsentActions', 'actions'],
      ['exportConsentCheckIns', 'checkins'],
      ['exportConsentActive', 'active_time'],
    ] as const
  )
    .map(([key, table]) => [key, totalOf(preview, table)] as const)
    .filter(([, total], index) => total > 0 || index === 0);
  const parts = [
    t('exportConsentRows', formatList(held.map(([key, total]) => tn(key, total)))),
    t(options.granularity === 'hour' ? 'exportConsentTimesHour' : 'exportConsentTimesDay'),
    t(options.text === 'redacted' ? 'exportConsentTextRedacted' : 'exportConsentTextNone'),
    t(options.finerValues ? 'exportConsentFinerValues' : 'exportConsentBands'),
    ...(options.corrections
      ? [t('exportConsentCorrections', String(totalOf(preview, 'label_corrections')))]
      : []),
    ...(notes > 0 ? [tn('exportConsentNotes', notes)] : []),
    // Redaction replaces only the names the history holds: a text may still name someone.
    t(
      options.text === 'redacted' || notes > 0
        ? 'exportConsentNoIdentityBesidesText'
        : 'exportConsentNoIdentity',
    ),
  ];
  return parts.join(' ');
}

function Pager({
  table,
  pageSize,
  onPage,
}: {
  table: PreviewTable;
  pageSize: number;
  onPage: (offset: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(table.total / pageSize));
  const page = Math.floor(table.offset / pageSize) + 1;
  if (pages === 1) return null;
  const go = (target: number) => onPage((Math.min(Math.max(target, 1), pages) - 1) * pageSize);
  const button = (key: string, symbol: string, target: number, disabled: boolean) => (
    <button type="button" aria-label={t(key)} title={t(key)} disabled={disabled} onClick={() => go(target)}>
      {symbol}
    </button>
  );
  return (
    <p class="buttons" data-testid={`export-pager-${table.name}`}>
      {button('exportPageFirst', '«', 1, page === 1)}{' '}
      {button('exportPagePrevious', '‹', page - 1, page === 1)}{' '}
      <label>
        <input
          type="number"
          min={1}
          max={pages}
          value={page}
          aria-label={t('exportPageNumber', [String(page), String(pages)])}
          style={{ width: '6em' }}
          onChange={(event) => go(Number(event.currentTarget.value) || 1)}
        />{' '}
        / {pages}
      </label>{' '}
      {button('exportPageNext', '›', page + 1, page === pages)}{' '}
      {button('exportPageLast', '»', pages, page === pages)}
    </p>
  );
}

function PreviewTableView({
  table,
  pageSize,
  onExclude,
  onPage,
}: {
  table: PreviewTable;
  pageSize: number;
  onExclude: (ref: string) => void;
  onPage: (offset: number) => void;
}) {
  const first = table.total === 0 ? 0 : table.offset + 1;
  const last = table.offset + table.rows.length;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table class="data" data-testid={`export-preview-${table.name}`}>
        <caption>
          {tn('exportTablePage', table.total, [
            `${table.name}.csv`,
            String(first),
            String(last),
            String(table.total),
          ])}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('exportLeaveOut')}</th>
            {table.columns.map((column) => (
              <th key={column} scope="col" data-column={column}>
                {columnName(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={row.ref ?? table.offset + index}>
              <td>
                {row.ref && (
                  <input
                    type="checkbox"
                    aria-label={t('exportLeaveOutRow', String(table.offset + index + 1))}
                    onChange={() => onExclude(row.ref as string)}
                  />
                )}
              </td>
              {row.cells.map((cell, column) => (
                <td key={table.columns[column]}>{cellText(table.columns[column] ?? '', cell)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Pager table={table} pageSize={pageSize} onPage={onPage} />
    </div>
  );
}

export function ExportPanel() {
  // One draft per visit. Its export key (which orders the rows) lives here, in this page's memory only, so
  // the preview, its pages and the zip agree even if the service worker restarts in between.
  const draftId = useMemo(() => crypto.randomUUID(), []);
  const exportKey = useMemo(() => bytesToBase64(crypto.getRandomValues(new Uint8Array(32))), []);
  const [options, setOptions] = useState<ExportOptions>(DEFAULT_EXPORT_OPTIONS);
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  /** The snapshot of the first preview: later rows stay out of this draft. */
  const [asOf, setAsOf] = useState<number | null>(null);
  const [offsets, setOffsets] = useState<Partial<Record<ExportTableName, number>>>({});
  const [pages, setPages] = useState<Partial<Record<ExportTableName, PreviewTable>>>({});
  // What went wrong, said in the notice: the service worker not answering, or restarting mid-download.
  const [failed, setFailed] = useState<null | 'popupUnavailable' | 'dashTransferInterrupted'>(null);
  const [changed, setChanged] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const [loading, setLoading] = useState(false);
  const [consent, setConsent] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const optionsKey = JSON.stringify(options);
  const offsetsKey = JSON.stringify(offsets);

  useEffect(() => {
    // Any change makes the statement the CM agreed to out of date.
    setConsent(false);
    setLoading(true);
    let current = true;
    const timer = setTimeout(() => {
      ask({ type: 'ui→bg:export-preview', draftId, exportKey, asOf, options }).then(
        (next) => {
          if (!current) return;
          setPreview(next);
          setAsOf(next.asOf);
          setPages({});
          setFailed(null);
          setLoading(false);
        },
        () => {
          if (!current) return;
          setFailed('popupUnavailable');
          setLoading(false);
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [optionsKey, refresh]);

  // Pages past the first, asked again whenever the preview changes (a row left out moves the others).
  useEffect(() => {
    if (!preview) return;
    let current = true;
    for (const table of preview.tables) {
      const offset = offsets[table.name] ?? 0;
      if (offset === 0) continue;
      ask({
        type: 'ui→bg:export-page',
        draftId,
        exportKey,
        asOf: preview.asOf,
        options,
        table: table.name,
        offset,
      }).then(
        (page) => {
          if (!current) return;
          setPages((previous) => ({ ...previous, [table.name]: page }));
          // Fewer rows than before (some left out): the last page is now earlier.
          if (page.offset !== offset) setOffsets((previous) => ({ ...previous, [table.name]: page.offset }));
        },
        () => {
          if (current) setFailed('popupUnavailable');
        },
      );
    }
    return () => {
      current = false;
    };
  }, [preview, offsetsKey]);

  const update = (change: Partial<ExportOptions>) => setOptions((previous) => ({ ...previous, ...change }));
  /** The yes-or-no choices of what the export holds, with what a choice risks when it does. */
  const choices: Array<{ label: string; checked: boolean; toggle: (on: boolean) => void; risk?: string }> = [
    {
      label: 'exportRedactedText',
      checked: options.text === 'redacted',
      toggle: (on) => update({ text: on ? 'redacted' : 'none' }),
      risk: 'exportRedactedTextRisk',
    },
    { label: 'exportCorrections', checked: options.corrections, toggle: (on) => update({ corrections: on }) },
    {
      label: 'exportFinerValues',
      checked: options.finerValues,
      toggle: (on) => update({ finerValues: on }),
      risk: 'exportFinerValuesRisk',
    },
  ];
  const shownTable = (table: PreviewTable): PreviewTable => {
    const offset = offsets[table.name] ?? 0;
    const page = pages[table.name];
    return offset !== 0 && page && page.offset === offset ? page : table;
  };

  const download = async () => {
    if (!preview) return;
    setDownloading(true);
    try {
      const reply = await ask({
        type: 'ui→bg:export-zip',
        draftId,
        exportKey,
        asOf: preview.asOf,
        options,
        fingerprint: preview.fingerprint,
      });
      if (reply.ok) {
        // Each part is whole base64 (its length a multiple of 4), so each decodes on its own.
        const parts = await readParts(reply.transferId, reply.parts);
        downloadBlob(reply.fileName, parts.map(base64ToBytes), 'application/zip');
        setChanged(false);
      } else {
        // Previewed rows changed (or went) since: show the new preview and ask for consent again.
        setChanged(true);
        setRefresh((n) => n + 1);
      }
    } catch (error) {
      setFailed(error instanceof TransferInterrupted ? 'dashTransferInterrupted' : 'popupUnavailable');
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div class="export-panel">
      <p class="muted small">{t('exportIntro')}</p>

      <fieldset>
        <legend>{t('exportChoose')}</legend>
        <label>
          {t('exportFrom')}{' '}
          <input
            type="date"
            value={options.from ?? ''}
            onChange={(event) => update({ from: event.currentTarget.value || null })}
          />
        </label>{' '}
        <label>
          {t('exportTo')}{' '}
          <input
            type="date"
            value={options.to ?? ''}
            onChange={(event) => update({ to: event.currentTarget.value || null })}
          />
        </label>
        <p>
          <label>
            {t('exportCategory')}{' '}
            <select
              value={options.accountCategory ?? ''}
              onChange={(event) =>
                update({ accountCategory: (event.currentTarget.value || null) as AccountCategory | null })
              }
            >
              <option value="">{t('exportCategoryNotStated')}</option>
              {ACCOUNT_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {t(`exportCategory_${category}`)}
                </option>
              ))}
            </select>
          </label>
        </p>
        <p>
          {t('exportGranularity')}{' '}
          {(['hour', 'day'] as const).map((granularity) => (
            <label key={granularity}>
              <input
                type="radio"
                name="export-granularity"
                checked={options.granularity === granularity}
                onChange={() => update({ granularity })}
              />{' '}
              {t(granularity === 'hour' ? 'exportGranularityHour' : 'exportGranularityDay')}{' '}
            </label>
          ))}
        </p>
        {choices.map(({ label, checked, toggle, risk }) => (
          <p key={label}>
            <label>
              <input
                type="checkbox"
                checked={checked}
                onChange={(event) => toggle(event.currentTarget.checked)}
                data-testid={`export-choice-${label}`}
              />{' '}
              {t(label)}
            </label>
            {risk && (
              <>
                <br />
                <span class="muted small">{t(risk)}</span>
              </>
            )}
          </p>
        ))}
      </fieldset>

      {failed && <p class="notice">{t(failed)}</p>}
      {changed && (
        <p class="notice" data-testid="export-changed">
          {t('exportChanged')}
        </p>
      )}
      {loading && <p class="muted small">{t('exportPreparing')}</p>}

      {preview && (
        <>
          <h3>{t('exportDays')}</h3>
          <ul class="plain">
            {preview.days.map(({ day, rows, excluded }) => (
              <li key={day}>
                <label>
                  <input
                    type="checkbox"
                    checked={!excluded}
                    onChange={(event) =>
                      update({
                        excludedDays: toggled(options.excludedDays, day, !event.currentTarget.checked),
                      })
                    }
                  />{' '}
                  {tn('exportDayRows', rows, [formatDay(day, 'long'), String(rows)])}
                </label>
              </li>
            ))}
          </ul>

          {preview.noteCandidates.length > 0 && (
            <>
              <h3>{t('exportNotes')}</h3>
              <p class="muted small">{t('exportNotesExplained')}</p>
              <ul class="plain">
                {preview.noteCandidates.map(({ id, day, redactedNote }) => (
                  <li key={id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={options.checkInNoteIds.includes(id)}
                        onChange={(event) =>
                          update({
                            checkInNoteIds: toggled(options.checkInNoteIds, id, event.currentTarget.checked),
                          })
                        }
                      />{' '}
                      {formatDay(day, 'long')}
                      {t('exportNoteOf')} <span class="comment-text">{redactedNote}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}

          <h3>{t('exportFiles')}</h3>
          <ul class="plain" data-testid="export-files">
            {preview.files.map(({ name, rows }) => (
              <li key={name}>
                {name.endsWith('.csv') || name.endsWith('.jsonl')
                  ? tn('exportFileRows', rows, [name, String(rows)])
                  : name}
              </li>
            ))}
          </ul>
          {preview.suppressedRows > 0 && (
            <p class="muted small" data-testid="export-suppressed">
              {tn('exportSuppressedCount', preview.suppressedRows)}
            </p>
          )}
          {preview.excludedRows > 0 && (
            <p>
              {tn('exportExcludedCount', preview.excludedRows)}{' '}
              <button type="button" onClick={() => update({ excludedRows: [], excludedDays: [] })}>
                {t('exportPutBack')}
              </button>
            </p>
          )}

          <h3>{t('exportPreviewTitle')}</h3>
          {preview.tables.map((table) => (
            <PreviewTableView
              key={table.name}
              table={shownTable(table)}
              pageSize={preview.pageSize}
              onExclude={(ref) => update({ excludedRows: [...options.excludedRows, ref] })}
              onPage={(offset) => setOffsets((previous) => ({ ...previous, [table.name]: offset }))}
            />
          ))}

          <p>
            <label>
              <input
                type="checkbox"
                checked={consent}
                disabled={loading}
                onChange={(event) => setConsent(event.currentTarget.checked)}
                data-testid="export-consent"
              />{' '}
              {consentStatement(preview, options)}
            </label>
          </p>
          <div class="buttons">
            <button type="button" onClick={download} disabled={!consent || loading || downloading}>
              {t(downloading ? 'exportPreparing' : 'exportDownload')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
