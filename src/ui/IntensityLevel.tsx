import { intensityLevel } from '../shared/levels';
import { t } from './i18n';

/** How aggressive a comment is, as a word, with what that measures on hover; "uncertain" only if it is. */
export function IntensityLevel({ intensity, uncertain }: { intensity: number; uncertain: boolean }) {
  const level = intensityLevel(intensity);
  return (
    <>
      <span class={`level level-${level}`} data-level={level} title={t('intensityExplained')}>
        {t('intensityLevel', t(`level_${level}`))}
      </span>
      {uncertain && (
        <span class="uncertain" title={t('uncertainExplained')}>
          {t('badgeUncertain')}
        </span>
      )}
    </>
  );
}
