import { useEffect, useState } from 'preact/hooks';
import type { EvidenceView } from '../tactics/messages';
import { ask } from '../ui/client';
import { downloadBlob } from '../ui/download';
import { formatDateTime, formatPostedAt, safeScreenshot } from '../ui/format';
import { t, tn } from '../ui/i18n';
import { ShieldedText } from '../ui/ShieldedText';
import { isShielded } from '../ui/shield';
import { evidenceDocument, evidenceFileName } from './evidence-file';
import './settings.css';

const documentOf = (records: readonly EvidenceView[]) =>
  evidenceDocument(records, { say: t, lang: document.documentElement.lang || 'en' });

async function download(records: readonly EvidenceView[], fileName: string): Promise<void> {
  downloadBlob(fileName, await documentOf(records), 'text/html');
}

/**
 * Prints one record alone: its file, in a frame of its own that runs no script (sandboxed: the dashboard
 * may call its print, nothing in it may run), removed once printed.
 */
async function print(record: EvidenceView): Promise<void> {
  const frame = document.createElement('iframe');
  frame.className = 'print-frame';
  frame.title = t('evidencePrint');
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.srcdoc = await documentOf([record]);
  frame.addEventListener(
    'load',
    () => {
      const view = frame.contentWindow;
      if (!view) return;
      view.addEventListener('afterprint', () => frame.remove(), { once: true });
      view.print();
    },
    { once: true },
  );
  document.body.append(frame);
}

/** The escalation kit's records, one per comment: kept locally, each downloadable and printable alone. */
export function EvidenceSection() {
  const [records, setRecords] = useState<EvidenceView[] | null>(null);
  useEffect(() => {
    ask({ type: 'ui→bg:evidence-list' }).then(setRecords, () => setRecords([]));
  }, []);
  const day = new Date().toISOString().slice(0, 10);

  return (
    <div class="evidence">
      <p class="muted">{t('evidenceHelp')}</p>
      {records?.length === 0 && <p>{t('evidenceNone')}</p>}
      {records && records.length > 1 && (
        <div class="buttons">
          <button type="button" onClick={() => download(records, `desaffect-evidence-${day}.html`)}>
            {tn('evidenceDownloadAll', records.length)}
          </button>
        </div>
      )}
      <ul class="plain" data-testid={records ? 'evidence-list' : undefined}>
        {records?.map((record) => (
          <li key={record.id} class="evidence-record" data-evidence-id={record.id}>
            <dl>
              <dt>{t('evidenceRecordedAt')}</dt>
              <dd>{formatDateTime(record.at)}</dd>
              {record.updatedAt !== record.at && (
                <>
                  <dt>{t('evidenceUpdatedAt')}</dt>
                  <dd>{formatDateTime(record.updatedAt)}</dd>
                </>
              )}
              <dt>{t('evidencePostedAt')}</dt>
              <dd>
                {record.createdAt !== null && record.createdAtPrecision !== null
                  ? formatPostedAt(record.createdAt, record.createdAtPrecision)
                  : '—'}
              </dd>
              <dt>{t('evidenceAuthor')}</dt>
              <dd>
                <bdi>{record.authorName}</bdi> (<bdi>{record.authorHandle}</bdi>)
              </dd>
              <dt>{t('evidenceLink')}</dt>
              <dd class="comment-text">{record.permalink ?? '—'}</dd>
              <dt>{t('evidenceText')}</dt>
              <dd>
                <ShieldedText commentKey={record.commentKey} shielded={record.shielded} text={record.text} />
              </dd>
            </dl>
            {safeScreenshot(record.screenshot) && (
              <img
                class={
                  isShielded(record.commentKey, record.shielded) ? 'evidence-shot shielded' : 'evidence-shot'
                }
                src={safeScreenshot(record.screenshot) ?? ''}
                alt={t('evidenceScreenshotAlt')}
              />
            )}
            <div class="buttons">
              <button type="button" onClick={() => download([record], evidenceFileName(record))}>
                {t('evidenceDownload')}
              </button>
              <button type="button" onClick={() => print(record)}>
                {t('evidencePrint')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
