/** The dashboard's models, wired to the service worker: one of each for the whole page. */
import { ask } from '../ui/client';
import { applyLanguage } from '../ui/i18n';
import { createSettingsModel } from './settings-model';

export const dashboardSettings = createSettingsModel({
  load: () => ask({ type: 'ui→bg:get-settings' }),
  save: (settings) => ask({ type: 'ui→bg:save-settings', settings }),
  applyLanguage,
});
