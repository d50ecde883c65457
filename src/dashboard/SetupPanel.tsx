import { useState } from 'preact/hooks';
import type { Settings } from '../shared/settings';
import { t } from '../ui/i18n';
import { dataChanged } from '../ui/refresh';
import { IdentityAndShield, refusedSaveText, useSettingsDraft } from './settings-fields';
import { dashboardSettings } from './store';
import './settings.css';

/**
 * The first-run setup, above the dashboard until done or put off: the CM's accounts and Pages, their
 * brand, "tu" or "vous", and the shield's levels. Everything it asks is in the settings too.
 */
export function SetupPanel() {
  const { saved, settings, edit, save } = useSettingsDraft(dashboardSettings);
  const [refused, setRefused] = useState<string | null>(null);
  if (!settings || saved?.setupDone) return null;
  const update = (change: Partial<Settings>) => edit({ ...settings, ...change });
  const finish = async (next: Settings) => {
    const result = await save({ ...next, setupDone: true });
    setRefused(result.ok ? null : refusedSaveText(result));
    // The settings decide what the pages show (own accounts, shield): every view asks again.
    if (result.ok) dataChanged();
  };
  return (
    <form
      class="settings setup no-print"
      aria-labelledby="setup-title"
      data-testid="setup"
      onSubmit={(event) => {
        event.preventDefault();
        void finish(settings);
      }}
    >
      <h2 id="setup-title">{t('setupTitle')}</h2>
      <p class="muted">{t('setupIntro')}</p>
      <IdentityAndShield settings={settings} update={update} />
      {refused && <p class="notice">{refused}</p>}
      <div class="actions">
        <button type="submit">{t('setupSave')}</button>
        <button type="button" onClick={() => finish(saved ?? settings)}>
          {t('setupLater')}
        </button>
      </div>
    </form>
  );
}
