import type { Label } from '../shared/comment';
import { LABEL_STYLE } from '../shared/labels';
import { t } from './i18n';

export function LabelChip({ label }: { label: Label }) {
  const { icon, colour, messageKey } = LABEL_STYLE[label];
  return (
    <span class="chip" style={{ background: colour }} data-label={label}>
      <span aria-hidden="true">{icon}</span> {t(messageKey)}
    </span>
  );
}
