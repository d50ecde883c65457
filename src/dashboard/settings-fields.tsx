/**
 * What the settings section and the first-run setup share: the fields for accounts and brand, tone and
 * shield levels, the CM's draft of the settings, and what a refused save is said as.
 */
import { useState } from 'preact/hooks';
import { LABELS, type Label } from '../shared/comment';
import type { Settings } from '../shared/settings';
import { SHIELD_CHOICES, type ShieldChoice, shieldChoice, shieldThreshold } from '../shared/shield';
import { t } from '../ui/i18n';
import { LabelChip } from '../ui/LabelChip';
import { Select } from '../ui/Select';
import type { SaveResult, SettingsModel } from './settings-model';

interface FieldsProps {
  settings: Settings;
  update(change: Partial<Settings>): void;
}

const list = (value: string) =>
  value
    .split(/[\n,]/)
    .map((item) => item.trim().replace(/^@/, ''))
    .filter(Boolean);

function AccountFields({ settings, update }: FieldsProps) {
  return (
    <>
      <label>
        {t('settingsOwnX')}
        <textarea
          rows={2}
          value={settings.ownHandles.x.join('\n')}
          onChange={(e) => update({ ownHandles: { ...settings.ownHandles, x: list(e.currentTarget.value) } })}
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
    </>
  );
}

function ToneChoice({ settings, update }: FieldsProps) {
  return (
    <fieldset class="inline-choices">
      <legend>{t('settingsTone')}</legend>
      {(['vous', 'tu'] as const).map((tone) => (
        <label key={tone} class="inline">
          <input
            type="radio"
            name="tone"
            checked={settings.tone === tone}
            onChange={() => update({ tone })}
          />
          {t(`tone_${tone}`)}
        </label>
      ))}
    </fieldset>
  );
}

function ShieldChoices({ settings, update }: FieldsProps) {
  const choose = (label: Label, choice: ShieldChoice) =>
    update({ shield: { ...settings.shield, [label]: shieldThreshold(choice) } });
  return (
    <>
      <p class="muted">{t('settingsShieldHelp')}</p>
      <p class="muted small">{t('intensityExplained')}</p>
      {LABELS.map((label) => (
        <label key={label} class="inline">
          <LabelChip label={label} />
          <Select
            value={shieldChoice(settings.shield[label])}
            options={SHIELD_CHOICES}
            name={(choice) => t(`shieldChoice_${choice}`)}
            onChange={(choice) => choose(label, choice)}
          />
        </label>
      ))}
    </>
  );
}

/** Who the CM is (accounts, brand, tone) and what to blur: the first-run setup, and the settings' start. */
export function IdentityAndShield({ settings, update }: FieldsProps) {
  return (
    <>
      <fieldset>
        <legend>{t('settingsAccounts')}</legend>
        <AccountFields settings={settings} update={update} />
        <ToneChoice settings={settings} update={update} />
      </fieldset>
      <fieldset>
        <legend>{t('settingsShield')}</legend>
        <ShieldChoices settings={settings} update={update} />
      </fieldset>
    </>
  );
}

/**
 * The CM's edits of the settings, kept with the settings they began from: a save names those, and is
 * refused if they changed meanwhile (another dashboard tab, a restore) rather than undoing that change.
 * Saved or refused as stale, the draft goes: the page shows the settings stored now.
 */
export function useSettingsDraft(model: SettingsModel) {
  const saved = model.settings.value;
  const [draft, setDraft] = useState<{ from: Settings; value: Settings } | null>(null);
  const from = draft?.from ?? saved;
  const edit = (value: Settings) => {
    if (from) setDraft({ from, value });
  };
  const save = async (value: Settings): Promise<SaveResult> => {
    if (!from) return { ok: false, failed: 'popupUnavailable' };
    const result = await model.save(value, from);
    if (result.ok || 'stale' in result) setDraft(null);
    return result;
  };
  return { saved, settings: draft?.value ?? saved, edit, save };
}

/** Why a save was refused, in the CM's words: what each wrong field accepts, or what happened. */
export function refusedSaveText(result: Exclude<SaveResult, { ok: true }>): string {
  if ('invalid' in result) return [t('settingsInvalid'), ...result.invalid.map((rule) => t(rule))].join(' ');
  return 'stale' in result ? t('settingsStale') : t(result.failed);
}
