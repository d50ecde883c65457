/**
 * The order of the popup: what needs the CM first. Threats, then unhappy customers still waiting for an
 * answer (they must get one), then trolls; customers already answered come last. Within a group, the
 * hardest-hitting first, then the oldest.
 */
import type { Label } from '../shared/comment';

export interface Flagged {
  label: Label;
  intensity: number;
  answered: boolean;
  firstSeen: number;
}

function rank(item: Flagged): number {
  switch (item.label) {
    case 'threat':
      return 0;
    case 'unhappy_customer':
      return item.answered ? 3 : 1;
    case 'troll':
      return 2;
    case 'neutral':
      return 4;
  }
}

export function byPriority<T extends Flagged>(items: readonly T[]): T[] {
  return items
    .filter((item) => item.label !== 'neutral')
    .sort((a, b) => rank(a) - rank(b) || b.intensity - a.intensity || a.firstSeen - b.firstSeen);
}
