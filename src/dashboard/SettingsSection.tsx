import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import browser from 'webextension-polyfill';
import { LABELS, type Label } from '../shared/comment';
import { DEFAULT_SETTINGS, type Settings, settingsSchema } from '../shared/settings';
import { DEFAULT_REPLIES, type ReplyLanguage } from '../tactics/replies';
import { TACTICS } from '../tactics/rules';
import { ask } from '../ui/client';
import { applyLanguage, t } from '../ui/i18n';
import { LabelChip } from '../ui/LabelChip';
import './settings.css';

/** Shield choices: blur from this intensity on, or never. */
const SHIELD_LEVELS: readonly (number | null)[] = [null, 0, 0.3, 0.5, 0.7, 0.9];
const TEMPLATE_TACTICS = TACTICS.filter((tactic) => DEFAULT_REPLIES[tactic] !== undefined);

const list = (value: string) =>
  value
    .split(/[\n,]/)
    .map((item) => item.trim().replace(/^@/, ''))
    .filter(Boolean);

/** The CM's settings: own accounts, brand, shield, replies, language, retention, nudges, check-ins. */
export function SettingsSection() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    ask({ type: 'ui→bg:get-settings' }).then(setSettings, () => setMessage(t('popupUnavailable')));
  }, []);
  if (!settings) return <p role="status">{message}</p>;

  const update = (change: Partial<Settings>) => setSettings({ ...settings, ...change });
  // What the device learned from the CM's corrections; the corrections themselves stay listed.
  const forgetLearning = async () => {
    if (!window.confirm(t('correctionsResetConfirm'))) return;
    await ask({ type: 'ui→bg:reset-learning' });
    setMessage(t('correctionsResetDone'));
  };
  // The browser asks the CM for the optional `notifications` permission, on this click and only then.
  const setSystemNotifications = async (wanted: boolean) => {
    const granted =
      wanted && (await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false));
    if (wanted && !granted) setMessage(t('settingsNotificationsRefused'));
    update({ nudges: { ...settings.nudges, systemNotifications: wanted && granted } });
  };
  const setShield = (label: Label, level: number | null) =>
    update({ shield: { ...settings.shield, [label]: level } });
  const setTemplate = (tactic: string, language: ReplyLanguage, text: string) => {
    const forTactic = { ...settings.replyTemplates[tactic] };
    if (text.trim() === '') delete forTactic[language];
    else forTactic[language] = text;
    update({ replyTemplates: { ...settings.replyTemplates, [tactic]: forTactic } });
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const checked = v.safeParse(settingsSchema, settings);
    if (!checked.success) {
      setMessage(t('settingsInvalid', checked.issues.map((issue) => v.getDotPath(issue) ?? '').join(', ')));
      return;
    }
    try {
      await ask({ type: 'ui→bg:save-settings', settings: checked.output });
      applyLanguage(checked.output.language);
      setMessage(t('settingsSaved'));
    } catch {
      setMessage(t('popupUnavailable'));
    }
  };

  return (
    <form class="settings" onSubmit={save} aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settingsTitle')}</h2>

      <fieldset>
        <legend>{t('settingsAccounts')}</legend>
        <label>
          {t('settingsOwnX')}
          <textarea
            rows={2}
            value={settings.ownHandles.x.join('\n')}
            onChange={(e) =>
              update({ ownHandles: { ...settings.ownHandles, x: list(e.currentTarget.value) } })
            }
          />
        </label>
        <label>
          {t('settingsOwnFacebook')}
          <textarea
            rows={2}
            value={settings.ownHandles.facebook.join('\n')}
            onChange={(e) =>
              update({ ownHandles: { ...settings.ownHandles, facebook: list(e.currentTarget.value) } })
            }
          />
        </label>
        <label>
          {t('settingsBrands')}
          <textarea
            rows={2}
            value={settings.brandNames.join('\n')}
            onChange={(e) => update({ brandNames: list(e.currentTarget.value) })}
          />
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('settingsShield')}</legend>
        <p class="muted">{t('settingsShieldHelp')}</p>
        {LABELS.map((label) => (
          <label key={label} class="inline">
            <LabelChip label={label} />
            <select
              value={String(settings.shield[label])}
              onChange={(e) =>
                setShield(label, e.currentTarget.value === 'null' ? null : Number(e.currentTarget.value))
              }
            >
              {SHIELD_LEVELS.map((level) => (
                <option key={String(level)} value={String(level)}>
                  {level === null ? t('settingsShieldOff') : t('settingsShieldFrom', String(level * 100))}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>

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
          {t('settingsCheckInGap')}
          <input
            type="number"
            min={0}
            value={settings.checkIns.minMinutesBetween}
            onChange={(e) =>
              update({ checkIns: { ...settings.checkIns, minMinutesBetween: Number(e.currentTarget.value) } })
            }
          />
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

      <fieldset>
        <legend>{t('settingsReplies')}</legend>
        <p class="muted">{t('settingsRepliesHelp')}</p>
        {TEMPLATE_TACTICS.map((tactic) => (
          <div key={tactic} class="template">
            <h3>{t(`tactic_${tactic}`)}</h3>
            {(['fr', 'en'] as const).map((language) => (
              <label key={language}>
                {language === 'fr' ? 'Français' : 'English'}
                <textarea
                  rows={2}
                  placeholder={DEFAULT_REPLIES[tactic]?.[language]}
                  value={settings.replyTemplates[tactic]?.[language] ?? ''}
                  onChange={(e) => setTemplate(tactic, language, e.currentTarget.value)}
                />
              </label>
            ))}
          </div>
        ))}
      </fieldset>

      <div class="actions">
        <button type="submit">{t('settingsSave')}</button>
        <button type="button" onClick={() => setSettings(DEFAULT_SETTINGS)}>
          {t('settingsDefaults')}
        </button>
      </div>
      <p role="status">{message}</p>
    </form>
  );
}
