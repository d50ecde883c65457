import { useEffect, useState } from 'preact/hooks';
import { ask, type Reply } from '../ui/client';
import { downloadBlob } from '../ui/download';
import { formatNumber } from '../ui/format';
import { t, tn } from '../ui/i18n';
import { JsonFileButton } from '../ui/JsonFileButton';
import { dataChanged, dataVersion } from '../ui/refresh';
import { StatusNote } from '../ui/StatusNote';
import { failureKey } from '../ui/storage-full';
import { useReply } from '../ui/useReply';
import { fetchBackup, restoreFile, TransferInterrupted } from './transfers';

type RestoreReply = Reply<'ui→bg:restore'>;
type GuardedChanges = Extract<RestoreReply, { reason: 'needs_confirmation' }>['changes'];

/** What a restore did, or why it refused the file, in plain words: the table and row, never a path. */
function restoreMessage(result: Exclude<RestoreReply, { reason: 'needs_confirmation' }>): string {
  if (result.ok) return tn('dashRestoreDone', result.rows);
  switch (result.reason) {
    case 'interrupted':
      return t('dashTransferInterrupted');
    case 'not_json':
      return t('dashRestoreNotJson');
    case 'foreign':
      return t('dashRestoreForeign');
    case 'newer_version':
      return t('dashRestoreNewer');
    case 'unknown_version':
      return t('dashRestoreUnknownVersion', String(result.schemaVersion));
    case 'invalid': {
      if (result.table === null) return t('dashRestoreInvalid');
      const part = t(`dashRestorePart_${result.table}`);
      return result.row === null
        ? t('dashRestoreInvalidPart', part)
        : t('dashRestoreInvalidRow', [formatNumber(result.row), part]);
    }
  }
}

/** The confirmation a restore waits for when the backup would change what Desaffect keeps. */
function GuardedSettingsPrompt({
  changes,
  busy,
  onChoice,
}: {
  changes: GuardedChanges;
  busy: boolean;
  onChoice: (choice: 'apply' | 'keep' | null) => void;
}) {
  return (
    <fieldset class="confirm" data-testid="restore-confirm">
      <legend>{t('dashRestoreConfirmTitle')}</legend>
      <ul>
        {changes.map((change) =>
          change.setting === 'retentionDays' ? (
            <li key={change.setting}>
              {t('dashRestoreChangeRetention', [
                tn('dashSpanDays', change.from),
                tn('dashSpanDays', change.to),
              ])}
              {change.to < change.from &&
                ` ${t('dashRestoreShorterRetention', tn('dashSpanDays', change.to))}`}
            </li>
          ) : (
            <li key={change.setting}>{t(change.to ? 'dashRestoreKeepTextOn' : 'dashRestoreKeepTextOff')}</li>
          ),
        )}
      </ul>
      <div class="buttons">
        <button type="button" onClick={() => onChoice('apply')} disabled={busy}>
          {t('dashRestoreApply')}
        </button>
        <button type="button" onClick={() => onChoice('keep')} disabled={busy}>
          {t('dashRestoreKeepMine')}
        </button>
        <button type="button" onClick={() => onChoice(null)} disabled={busy}>
          {t('dashCancel')}
        </button>
      </div>
    </fieldset>
  );
}

/**
 * The browser frees deleted rows' space lazily: the size is asked again now and then while shown, and at
 * once when the CM's data changed as a whole.
 */
const ESTIMATE_EVERY_MS = 5_000;

function useStorageEstimate() {
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
  }, [dataVersion.value]);
  return usage;
}

export function DataSection() {
  const { reply: usage } = useReply({ type: 'ui→bg:data-usage' });
  const bytes = useStorageEstimate();
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  // A valid backup that would change retention or text keeping waits here for the CM's answer.
  const [pending, setPending] = useState<{ fileText: string; changes: GuardedChanges } | null>(null);

  /** Runs one task, then shows its outcome (null: nothing to say yet). */
  const run = async (task: () => Promise<{ text: string; error: boolean } | null>) => {
    setBusy(true);
    try {
      setStatus(await task());
    } catch (error) {
      setStatus({ text: t(failureKey(error)), error: true });
    } finally {
      setBusy(false);
    }
  };
  /**
   * Deleting or restoring changes what every view shows: the break banner, the counts and the size here
   * ask again (a backup changes nothing).
   */
  const runChanging = async (task: () => Promise<{ text: string; error: boolean } | null>) => {
    await run(task);
    dataChanged();
  };

  const backup = () =>
    run(async () => {
      try {
        const { createdAt, parts } = await fetchBackup();
        downloadBlob(`desaffect-backup-${createdAt.slice(0, 10)}.json`, parts, 'application/json');
        return { text: t('dashBackupDone'), error: false };
      } catch (error) {
        if (error instanceof TransferInterrupted) return { text: t('dashTransferInterrupted'), error: true };
        throw error;
      }
    });

  const restore = (fileText: string) => {
    setPending(null);
    void runChanging(async () => {
      const result = await restoreFile(fileText);
      if (!result.ok && result.reason === 'needs_confirmation') {
        setPending({ fileText, changes: result.changes });
        return null;
      }
      return { text: restoreMessage(result), error: !result.ok };
    });
  };

  const answerPending = (choice: 'apply' | 'keep' | null) => {
    if (!pending) return;
    setPending(null);
    if (choice === null) {
      setStatus({ text: t('dashRestoreCancelled'), error: false });
      return;
    }
    void runChanging(async () => {
      const result = await restoreFile(pending.fileText, choice);
      // Answered: the service worker applies the choice and never asks again.
      if (!result.ok && result.reason === 'needs_confirmation') throw new Error('asked twice');
      return { text: restoreMessage(result), error: !result.ok };
    });
  };

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
      {pending && <GuardedSettingsPrompt changes={pending.changes} busy={busy} onChoice={answerPending} />}
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
