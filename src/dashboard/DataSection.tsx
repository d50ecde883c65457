import { useEffect, useState } from 'preact/hooks';
import { ask, type Reply } from '../ui/client';
import { downloadBlob } from '../ui/download';
import { formatNumber } from '../ui/format';
import { t, tn } from '../ui/i18n';
import { JsonFileButton } from '../ui/JsonFileButton';
import { dataChanged, dataVersion } from '../ui/refresh';
import { StatusNote } from '../ui/StatusNote';
import { useReply } from '../ui/useReply';

/** Tables a restore may name, in the CM's words ("row 3 of the comments"); never an internal path. */
const RESTORE_TABLES = ['comments', 'actions', 'activity', 'checkins', 'evidence', 'settings', 'corrections'];

/** Where a backup is damaged, from the restore's `comments.12.intensity`: "row 13 of the comments". */
function damagedAt(where: string): string {
  const [table, row] = where.split('.');
  if (table === undefined || !RESTORE_TABLES.includes(table) || !/^\d+$/.test(row ?? '')) {
    return t('dashRestoreDamaged');
  }
  return t('dashRestoreInvalid', t('restoreRow', [String(Number(row) + 1), t(`restoreTable_${table}`)]));
}

function restoreMessage(result: Reply<'ui→bg:restore'>): string {
  if (result.ok) return tn('dashRestoreDone', result.rows);
  switch (result.reason) {
    case 'not_json':
      return t('dashRestoreNotJson');
    case 'foreign':
      return t('dashRestoreForeign');
    case 'newer_version':
      return t('dashRestoreNewer');
    case 'unknown_version':
      return t('dashRestoreUnknownVersion', String(result.schemaVersion));
    case 'invalid':
      return damagedAt(result.where);
  }
}

/** The browser frees deleted rows' space lazily: the size is asked again now and then while shown. */
const ESTIMATE_EVERY_MS = 5_000;

function useStorageEstimate(refresh: unknown) {
  const [usage, setUsage] = useState<number | null>(null);
  useEffect(() => {
    const estimate = () =>
      navigator.storage?.estimate().then(
        (result) => setUsage(result.usage ?? null),
        () => setUsage(null),
      );
    void estimate();
    const timer = setInterval(estimate, ESTIMATE_EVERY_MS);
    return () => clearInterval(timer);
  }, [refresh, dataVersion.value]);
  return usage;
}

export function DataSection() {
  const { reply: usage, reload } = useReply({ type: 'ui→bg:data-usage' });
  const bytes = useStorageEstimate(usage);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async (task: () => Promise<{ text: string; error: boolean }>) => {
    setBusy(true);
    try {
      setStatus(await task());
    } catch {
      setStatus({ text: t('popupUnavailable'), error: true });
    } finally {
      setBusy(false);
      reload();
    }
  };
  /** Deleting or restoring changes what every view shows: the break banner and the counts ask again. */
  const runChanging = async (task: () => Promise<{ text: string; error: boolean }>) => {
    await run(task);
    dataChanged();
  };

  const backup = () =>
    run(async () => {
      const file = await ask({ type: 'ui→bg:backup' });
      downloadBlob(
        `desaffect-backup-${file.createdAt.slice(0, 10)}.json`,
        JSON.stringify(file),
        'application/json',
      );
      return { text: t('dashBackupDone'), error: false };
    });

  const restore = (fileText: string) =>
    runChanging(async () => {
      const result = await ask({ type: 'ui→bg:restore', fileText });
      return { text: restoreMessage(result), error: !result.ok };
    });

  const deleteEverything = () =>
    runChanging(async () => {
      await ask({ type: 'ui→bg:delete-everything', confirmed: true });
      setConfirming(false);
      return { text: t('dashDeleted'), error: false };
    });

  return (
    <>
      <h3>{t('dashStorage')}</h3>
      <p data-testid="dash-storage">
        {bytes !== null && t('dashStorageUsed', formatNumber(bytes / 1_048_576, 1))}{' '}
        {usage &&
          t(
            'dataRows',
            [
              tn('dataComments', usage.rows.comments ?? 0),
              tn('dataActions', usage.rows.actions ?? 0),
              tn('dataCheckIns', usage.rows.checkins ?? 0),
              tn('dataEvidence', usage.rows.evidence ?? 0),
            ].join(', '),
          )}
      </p>
      {usage && (
        <p class="muted small" data-testid="dash-retention">
          {tn('dashRetention', usage.retentionDays)}
        </p>
      )}

      <h3>{t('dashBackupTitle')}</h3>
      <p class="muted small">{t('dashBackupExplained')}</p>
      <div class="buttons">
        <button type="button" onClick={backup} disabled={busy}>
          {t('dashBackupButton')}
        </button>
        <JsonFileButton
          label={t('dashRestoreButton')}
          onFile={restore}
          disabled={busy}
          testId="restore-input"
        />
      </div>
      <StatusNote status={status} testId="data-status" />

      <h3>{t('dashDeleteTitle')}</h3>
      {!confirming ? (
        <button type="button" class="danger" onClick={() => setConfirming(true)} disabled={busy}>
          {t('dashDeleteButton')}
        </button>
      ) : (
        <fieldset class="confirm">
          <legend>{t('dashDeleteConfirmText')}</legend>
          <button type="button" class="danger" onClick={deleteEverything} disabled={busy}>
            {t('dashDeleteConfirm')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('dashCancel')}
          </button>
        </fieldset>
      )}
    </>
  );
}
