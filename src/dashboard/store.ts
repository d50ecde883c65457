/** The dashboard's models, wired to the service worker: one of each for the whole page. */
import { ask } from '../ui/client';
import { applyLanguage } from '../ui/i18n';
import { dataVersion } from '../ui/refresh';
import { createSettingsModel } from './settings-model';

export const dashboardSettings = createSettingsModel({
  load: () => ask({ type: 'ui→bg:get-settings' }),
  save: (settings, base) => ask({ type: 'ui→bg:save-settings', settings, base }),
  applyLanguage,
});

// A restore or "delete everything" changed the data under the page: the settings are read again, so the
// next save starts from them rather than undoing the restore.
dataVersion.subscribe((version) => {
  if (version > 0) void dashboardSettings.load();
});
