import { t } from './i18n';

/**
 * Said in the popup and the dashboard while the database refuses writes: the pages are still badged and
 * shielded, but nothing is logged until the CM frees space (here, in one click) or the browser does.
 */
export function StorageFullNotice({ onFree }: { onFree: () => void }) {
  return (
    <div class="notice" role="alert" data-testid="storage-full">
      <p>{t('storageFull')}</p>
      <button type="button" onClick={onFree}>
        {t('storageFreeSpace')}
      </button>
    </div>
  );
}
