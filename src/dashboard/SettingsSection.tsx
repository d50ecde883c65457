import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import { ask } from '../ui/client';
import { t } from '../ui/i18n';
import { failureKey } from '../ui/storage-full';
import { IdentityAndShield, refusedSaveText, useSettingsDraft } from './settings-fields';
import { dashboardSettings } from './store';
import './settings.css';

/** The CM's settings: own accounts, brand and tone, shield, breaks, privacy and language, corrections. */
export function SettingsSection() {
  const { settings, edit, save: saveDraft } = useSettingsDraft(dashboardSettings);
  const [message, setMessage] = useState('');
  if (!settings)
    return <p role="status">{dashboardSettings.unavailable.value ? t('popupUnavailable') : ''}</p>;

  const update = (change: Partial<Settings>) => edit({ ...settings, ...change });
  // What the device learned from the CM's corrections; the corrections themselves stay listed.
  const forgetLearning = async () => {
    if (!window.confirm(t('correctionsResetConfirm'))) return;
    try {
      await ask({ type: 'ui→bg:reset-learning' });
      setMessage(t('correctionsResetDone'));
    } catch (error) {
      setMessage(t(failureKey(error)));
    }
  };
  // The browser asks the CM for the optional `notifications` permission, on this click and only then.
  const setSystemNotifications = async (wanted: boolean) => {
    const granted =
      wanted && (await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false));
    if (wanted && !granted) setMessage(t('settingsNotificationsRefused'));
    update({ nudges: { ...settings.nudges, systemNotifications: wanted && granted } });
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const result = await saveDraft(settings);
    setMessage(result.ok ? t('settingsSaved') : refusedSaveText(result));
  };

  return (
    <form class="settings" onSubmit={save}>
      <IdentityAndShield settings={settings} update={update} />

      <fieldset>
        <legend>{t('settingsBreaks')}</legend>
        <label class="inline">
          {t('settingsHostileIn30')}
          <input
            type="number"
            min={1}
            value={settings.nudges.hostileIn30Min}
            onChange={(e) =>
              update({ nudges: { ...settings.nudges, hostileIn30Min: Number(e.currentTarget.value) } })
            }
          />
        </label>
        <label class="inline">
          {t('settingsHoursOnline')}
          <input
            type="number"
            min={1}
            max={24}
            value={settings.nudges.hoursOnlinePerDay}
            onChange={(e) =>
              update({ nudges: { ...settings.nudges, hoursOnlinePerDay: Number(e.currentTarget.value) } })
            }
          />
        </label>
        <label class="inline">
          {t('settingsLateHour')}
          <input
            type="number"
            min={0}
            max={23}
            value={settings.nudges.lateHour}
            onChange={(e) =>
              update({ nudges: { ...settings.nudges, lateHour: Number(e.currentTarget.value) } })
            }
          />
        </label>
        <label class="inline">
          <input
            type="checkbox"
            checked={settings.nudges.systemNotifications}
            onChange={(e) => void setSystemNotifications(e.currentTarget.checked)}
          />
          {t('settingsSystemNotifications')}
        </label>
        <label class="inline">
          <input
            type="checkbox"
            checked={settings.checkIns.afterThreat}
            onChange={(e) =>
              update({ checkIns: { ...settings.checkIns, afterThreat: e.currentTarget.checked } })
            }
          />
          {t('settingsCheckInAfterThreat')}
        </label>
        <label class="inline">
          <input
            type="checkbox"
            checked={settings.checkIns.endOfDay}
            onChange={(e) =>
              update({ checkIns: { ...settings.checkIns, endOfDay: e.currentTarget.checked } })
            }
          />
          {t('settingsCheckInEndOfDay')}
        </label>
        <label class="inline">
          {t('settingsCheckInGapBefore')}
          <input
            type="number"
            min={0}
            value={settings.checkIns.minMinutesBetween}
            onChange={(e) =>
              update({ checkIns: { ...settings.checkIns, minMinutesBetween: Number(e.currentTarget.value) } })
            }
          />
          {t('settingsCheckInGapAfter')}
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('settingsPrivacy')}</legend>
        <label class="inline">
          <input
            type="checkbox"
            checked={settings.keepText}
            onChange={(e) => update({ keepText: e.currentTarget.checked })}
          />
          {t('settingsKeepText')}
        </label>
        <label class="inline">
          {t('settingsRetention')}
          <input
            type="number"
            min={1}
            max={3650}
            value={settings.retentionDays}
            onChange={(e) => update({ retentionDays: Number(e.currentTarget.value) })}
          />
        </label>
        <label class="inline">
          {t('settingsLanguage')}
          <select
            value={settings.language}
            onChange={(e) => update({ language: e.currentTarget.value as Settings['language'] })}
          >
            <option value="auto">{t('settingsLanguageAuto')}</option>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('correctionsNavTitle')}</legend>
        <p class="muted">{t('correctionsHelp')}</p>
        <button type="button" onClick={forgetLearning}>
          {t('correctionsReset')}
        </button>
      </fieldset>

      <div class="actions">
        <button type="submit">{t('settingsSave')}</button>
        <button type="button" onClick={() => edit({ ...DEFAULT_SETTINGS, setupDone: true })}>
          {t('settingsDefaults')}
        </button>
      </div>
      <p role="status">{message}</p>
    </form>
  );
}
