/**
 * The anonymised research export: the CM chooses what goes in, sees the exact rows that will leave,
 * agrees in plain words, then downloads the zip the service worker built. Comment-derived values are
 * hostile input: they are rendered as text nodes only.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { base64ToBytes } from '../export/base64';
import {
  ACCOUNT_CATEGORIES,
  type AccountCategory,
  type Cell,
  DEFAULT_EXPORT_OPTIONS,
  type ExportOptions,
  type ExportPreview,
  type PreviewTable,
} from '../shared/messages-export';
import { ask } from '../ui/client';
import { t } from '../ui/i18n';

/** Options typed in a text field (study key) should not ask the service worker on every keystroke. */
const PREVIEW_DELAY_MS = 400;

function downloadBytes(fileName: string, bytes: Uint8Array<ArrayBuffer>): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the object URL is no longer needed once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const toggled = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
  on ? [...list, item] : list.filter((other) => other !== item);

const cellText = (cell: Cell) => (cell === null ? '' : String(cell));

/** Rows per table, by name, for the consent statement. */
const totalOf = (preview: ExportPreview, name: string) =>
  String(preview.tables.find((table) => table.name === name)?.total ?? 0);

function consentStatement(preview: ExportPreview, options: ExportOptions): string {
  const parts = [
    t('exportConsentRows', [
      totalOf(preview, 'comments_seen'),
      totalOf(preview, 'actions'),
      totalOf(preview, 'checkins'),
      totalOf(preview, 'active_time'),
    ]),
    t(options.granularity === 'hour' ? 'exportConsentTimesHour' : 'exportConsentTimesDay'),
    t(options.text === 'redacted' ? 'exportConsentTextRedacted' : 'exportConsentTextNone'),
    // Only notes still in the preview count: a chosen note on a day left out does not leave.
    t(
      'exportConsentNotes',
      String(preview.noteCandidates.filter((note) => options.checkInNoteIds.includes(note.id)).length),
    ),
    t('exportConsentNoIdentity'),
  ];
  return parts.join(' ');
}

function PreviewTableView({ table, onExclude }: { table: PreviewTable; onExclude: (ref: string) => void }) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <table class="data" data-testid={`export-preview-${table.name}`}>
        <caption>
          {t('exportTableCaption', [`${table.name}.csv`, String(table.rows.length), String(table.total)])}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('exportLeaveOut')}</th>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={row.ref ?? index}>
              <td>
                {row.ref && (
                  <input
                    type="checkbox"
                    aria-label={t('exportLeaveOutRow', String(index + 1))}
                    onChange={() => onExclude(row.ref as string)}
                  />
                )}
              </td>
              {row.cells.map((cell, column) => (
                <td key={table.columns[column]}>{cellText(cell)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ExportPanel() {
  // One draft per visit: the service worker keeps its pseudonym key, so preview and zip agree.
  const draftId = useMemo(() => crypto.randomUUID(), []);
  const [options, setOptions] = useState<ExportOptions>(DEFAULT_EXPORT_OPTIONS);
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [failed, setFailed] = useState(false);
  const [loading, setLoading] = useState(false);
  const [consent, setConsent] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const optionsKey = JSON.stringify(options);

  useEffect(() => {
    // Any change makes the statement the CM agreed to out of date.
    setConsent(false);
    setLoading(true);
    let current = true;
    const timer = setTimeout(() => {
      ask({ type: 'ui→bg:export-preview', draftId, options }).then(
        (next) => {
          if (!current) return;
          setPreview(next);
          setFailed(false);
          setLoading(false);
        },
        () => {
          if (!current) return;
          setFailed(true);
          setLoading(false);
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [optionsKey]);

  const update = (change: Partial<ExportOptions>) => setOptions((previous) => ({ ...previous, ...change }));

  const download = async () => {
    setDownloading(true);
    try {
      const reply = await ask({ type: 'ui→bg:export-zip', draftId, options });
      downloadBytes(reply.fileName, base64ToBytes(reply.zipBase64));
    } catch {
      setFailed(true);
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
        <p>
          <label>
            <input
              type="checkbox"
              checked={options.text === 'redacted'}
              onChange={(event) => update({ text: event.currentTarget.checked ? 'redacted' : 'none' })}
            />{' '}
            {t('exportRedactedText')}
          </label>
        </p>
        <p>
          <label>
            {t('exportStudyKey')}{' '}
            <input
              type="text"
              autocomplete="off"
              spellcheck={false}
              value={options.studyKey ?? ''}
              onInput={(event) => update({ studyKey: event.currentTarget.value.trim() || null })}
            />
          </label>
          <br />
          <span class="muted small">{t('exportStudyKeyExplained')}</span>
        </p>
      </fieldset>

      {failed && <p class="notice">{t('popupUnavailable')}</p>}
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
                  {t('exportDayRows', [day, String(rows)])}
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
                      {day}: <span class="comment-text">{redactedNote}</span>
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
                  ? t('exportFileRows', [name, String(rows)])
                  : name}
              </li>
            ))}
          </ul>
          {preview.excludedRows > 0 && (
            <p>
              {t('exportExcludedCount', String(preview.excludedRows))}{' '}
              <button type="button" onClick={() => update({ excludedRows: [], excludedDays: [] })}>
                {t('exportPutBack')}
              </button>
            </p>
          )}

          <h3>{t('exportPreviewTitle')}</h3>
          {preview.tables.map((table) => (
            <PreviewTableView
              key={table.name}
              table={table}
              onExclude={(ref) => update({ excludedRows: [...options.excludedRows, ref] })}
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
