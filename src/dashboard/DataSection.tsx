import { useEffect, useState } from 'preact/hooks';
import { ask, type Reply } from '../ui/client';
import { downloadBlob } from '../ui/download';
import { formatNumber } from '../ui/format';
import { t } from '../ui/i18n';
import { useReply } from '../ui/useReply';

function restoreMessage(result: Reply<'ui→bg:restore'>): string {
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
    case 'invalid':
      return t('dashRestoreInvalid', result.where);
  }
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
    void run(async () => {
      const result = await ask({ type: 'ui→bg:restore', fileText: await file.text() });
      input.value = '';
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
