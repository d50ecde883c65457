/** Fields the settings section and the first-run setup share: accounts and brand, tone, shield levels. */
import { LABELS, type Label } from '../shared/comment';
import type { Settings } from '../shared/settings';
import { SHIELD_CHOICES, type ShieldChoice, shieldChoice, shieldThreshold } from '../shared/shield';
import { t } from '../ui/i18n';
import { LabelChip } from '../ui/LabelChip';
import { Select } from '../ui/Select';

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
