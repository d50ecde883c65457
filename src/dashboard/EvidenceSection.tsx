import { useEffect, useState } from 'preact/hooks';
import type { EvidenceView } from '../tactics/messages';
import { ask } from '../ui/client';
import { downloadBlob } from '../ui/download';
import { formatDateTime, safeScreenshot } from '../ui/format';
import { t } from '../ui/i18n';
import './settings.css';

/** One evidence record as a file the CM can send to their employer or to the police. */
function download(record: EvidenceView): void {
  const body = JSON.stringify(
    {
      kind: 'desaffect-evidence',
      recordedAt: new Date(record.at).toISOString(),
      platform: record.platform,
      permalink: record.permalink,
      author: { handle: record.authorHandle, name: record.authorName },
      postedAt: record.createdAt,
      text: record.text,
      screenshotPng: record.screenshot,
    },
    null,
    2,
  );
  const day = new Date(record.at).toISOString().slice(0, 10);
  downloadBlob(`desaffect-evidence-${record.id}-${day}.json`, body, 'application/json');
}

/** The escalation kit's records: kept locally, printable, downloadable one by one. */
export function EvidenceSection() {
  const [records, setRecords] = useState<EvidenceView[] | null>(null);
  useEffect(() => {
    ask({ type: 'ui→bg:evidence-list' }).then(setRecords, () => setRecords([]));
  }, []);

  return (
    <div class="evidence">
      <p class="muted">{t('evidenceHelp')}</p>
      {records?.length === 0 && <p>{t('evidenceNone')}</p>}
      <ul class="plain" data-testid={records ? 'evidence-list' : undefined}>
        {records?.map((record) => (
          <li key={record.id} class="evidence-record" data-evidence-id={record.id}>
            <dl>
              <dt>{t('evidenceRecordedAt')}</dt>
              <dd>{formatDateTime(record.at)}</dd>
              <dt>{t('evidenceAuthor')}</dt>
              <dd>
                <bdi>{record.authorName}</bdi> (<bdi>{record.authorHandle}</bdi>)
              </dd>
              <dt>{t('evidenceLink')}</dt>
              <dd class="comment-text">{record.permalink ?? '—'}</dd>
              <dt>{t('evidenceText')}</dt>
              <dd class="comment-text">{record.text}</dd>
            </dl>
            {safeScreenshot(record.screenshot) && (
              <img
                class="evidence-shot"
                src={safeScreenshot(record.screenshot) ?? ''}
                alt={t('evidenceScreenshotAlt')}
              />
            )}
            <div class="buttons">
              <button type="button" onClick={() => download(record)}>
                {t('evidenceDownload')}
              </button>
              <button type="button" onClick={() => window.print()}>
                {t('evidencePrint')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
