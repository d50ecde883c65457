import { useEffect, useState } from 'preact/hooks';
import { ask, type Reply } from '../ui/client';
import { downloadBlob } from '../ui/download';
import { formatNumber } from '../ui/format';
import { t } from '../ui/i18n';
import { useReply } from '../ui/useReply';

type RestoreReply = Reply<'ui→bg:restore'>;
type GuardedChanges = Extract<RestoreReply, { reason: 'needs_confirmation' }>['changes'];

/** What a restore did, or why it refused the file, in plain words: the table and row, never a path. */
export function restoreMessage(result: Exclude<RestoreReply, { reason: 'needs_confirmation' }>): string {
  if (result.ok) return t('dashRestoreDone', String(result.rows));
  switch (result.reason) {
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
              {t('dashRestoreChangeRetention', [formatNumber(change.from), formatNumber(change.to)])}
              {change.to < change.from && ` ${t('dashRestoreShorterRetention', formatNumber(change.to))}`}
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

function useStorageEstimate(refresh: unknown) {
  const [usage, setUsage] = useState<number | null>(null);
  useEffect(() => {
    navigator.storage?.estimate().then(
      (estimate) => setUsage(estimate.usage ?? null),
      () => setUsage(null),
    );
  }, [refresh]);
  return usage;
}

export function DataSection() {
  const { reply: usage, reload } = useReply({ type: 'ui→bg:data-usage' });
  const bytes = useStorageEstimate(usage);
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
    } catch {
      setStatus({ text: t('popupUnavailable'), error: true });
    } finally {
      setBusy(false);
      reload();
    }
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

  const restore = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setPending(null);
    void run(async () => {
      const fileText = await file.text();
      input.value = '';
      const result = await ask({ type: 'ui→bg:restore', fileText });
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
    void run(async () => {
      const result = await ask({ type: 'ui→bg:restore', fileText: pending.fileText, guarded: choice });
      // Answered: the service worker applies the choice and never asks again.
      if (!result.ok && result.reason === 'needs_confirmation') throw new Error('asked twice');
      return { text: restoreMessage(result), error: !result.ok };
    });
  };

  const deleteEverything = () =>
    run(async () => {
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
          t('dashRowCounts', [
            String(usage.rows.comments ?? 0),
            String(usage.rows.actions ?? 0),
            String(usage.rows.checkins ?? 0),
            String(usage.rows.evidence ?? 0),
          ])}
      </p>
      {usage && <p class="muted small">{t('dashRetention', String(usage.retentionDays))}</p>}

      <h3>{t('dashBackupTitle')}</h3>
      <p class="muted small">{t('dashBackupExplained')}</p>
      <div class="buttons">
        <button type="button" onClick={backup} disabled={busy}>
          {t('dashBackupButton')}
        </button>
        <label class="file-button">
          {t('dashRestoreButton')}
          <input
            type="file"
            accept="application/json,.json"
            onChange={restore}
            disabled={busy}
            data-testid="restore-input"
          />
        </label>
      </div>
      {pending && <GuardedSettingsPrompt changes={pending.changes} busy={busy} onChoice={answerPending} />}
      {status && (
        <p
          role={status.error ? 'alert' : 'status'}
          class={status.error ? 'notice' : ''}
          data-testid="data-status"
        >
          {status.text}
        </p>
      )}

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
