/**
 * The export preview in the CM's words: column names and the closed values (labels, tactics, feelings,
 * platforms, cue kinds…) translated for reading. The files keep their own names and values, listed in
 * the codebook; these words are only how the preview shows them.
 */
import type { Cell } from '../export/messages';
import { CUE_KINDS, LABELS } from '../shared/comment';
import { LABEL_STYLE } from '../shared/labels';
import { PLATFORM_NAMES } from '../shared/sites';
import { t } from '../ui/i18n';
import { tacticName } from '../ui/tactics';

export function columnName(column: string): string {
  const score = /^score_(.+)$/.exec(column)?.[1];
  if (score && (LABELS as readonly string[]).includes(score)) {
    return t('exportColumnScore', t(LABEL_STYLE[score as (typeof LABELS)[number]].messageKey));
  }
  return t(`exportColumn_${column}`);
}

const cueName = (kind: string) => {
  if (kind === 'exclamations' || kind === 'partly_read') return t(`cueKind_${kind}`);
  return (CUE_KINDS as readonly string[]).includes(kind) ? t(`cue_${kind}`) : t('exportOther');
};

/** A band of a count as the files write it (`1`, `2_to_5`, `6_or_more`), in words: 2 to 5, 6 or more. */
function countBand(cell: string): string {
  const range = /^(\d+)_to_(\d+)$/.exec(cell);
  if (range) return t('exportCountRange', [range[1] as string, range[2] as string]);
  const open = /^(\d+)_or_more$/.exec(cell);
  return open ? t('exportCountOrMore', open[1] as string) : cell;
}

/** Values of a `;`-separated list column, each translated. */
const listOf = (cell: string, name: (item: string) => string) =>
  cell.split(';').filter(Boolean).map(name).join(', ');

export function cellText(column: string, cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return t(cell ? 'exportYes' : 'exportNo');
  if (typeof cell === 'number') return String(cell);
  switch (column) {
    case 'label':
    case 'label_before':
    case 'label_after':
      return (LABELS as readonly string[]).includes(cell)
        ? t(LABEL_STYLE[cell as (typeof LABELS)[number]].messageKey)
        : cell;
    case 'tactic':
      return tacticName(cell);
    case 'platform':
      return cell in PLATFORM_NAMES ? PLATFORM_NAMES[cell as keyof typeof PLATFORM_NAMES] : cell;
    case 'intensity_band':
      return t(`level_${cell}`);
    case 'commenter_comments':
    case 'thread_comments':
      return countBand(cell);
    case 'time_precision':
      return t(`exportPrecision_${cell}`);
    case 'trigger':
      return t(`exportTrigger_${cell}`);
    case 'lang':
      return t(`language_${cell}`);
    case 'tags':
      return listOf(cell, (tag) => t(`dashTag_${tag}`));
    case 'cue_kinds':
      return listOf(cell, cueName);
    default:
      return cell;
  }
}
