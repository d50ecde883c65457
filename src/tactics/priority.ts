/**
 * The order of the popup: what needs the CM first. Threats, then unhappy customers still waiting for an
 * answer (they must get one), then trolls; customers already answered come last. Within a group, the
 * hardest-hitting first, then the oldest.
 */
import type { Label, TimePrecision } from '../shared/comment';
import type { Tactic } from './rules';

/** Logging one of these for a comment means the CM answered it. */
const ANSWERING: readonly Tactic[] = ['humour', 'emoji', 'restraint', 'private_message'];

export interface ThreadComment {
  key: string;
  threadKey: string;
  isOwn: boolean;
  /** As the site shows it (ISO 8601), or estimated from what it shows ("3 h"), when it does. */
  createdAt: string | null;
  createdAtPrecision: TimePrecision | null;
  firstSeen: number;
}

/** Times that can order two comments of one thread: "2 h" and "1 h" ago cannot. */
const ORDERING: readonly (TimePrecision | null)[] = ['second', 'minute'];

/** True when `later` was written after `earlier`: by the site's times when both are precise, else by sighting. */
function writtenAfter(later: ThreadComment, earlier: ThreadComment): boolean {
  if (
    later.createdAt !== null &&
    earlier.createdAt !== null &&
    ORDERING.includes(later.createdAtPrecision) &&
    ORDERING.includes(earlier.createdAtPrecision)
  ) {
    return later.createdAt > earlier.createdAt;
  }
  return later.firstSeen > earlier.firstSeen;
}

/**
 * A customer is answered once the CM logged an answering tactic for them, or wrote in their thread after
 * them (a reply of the CM's that was already there before the customer wrote does not count).
 */
export function isAnswered(
  comment: ThreadComment,
  loggedTactics: readonly string[],
  others: readonly ThreadComment[],
): boolean {
  if (loggedTactics.some((tactic) => (ANSWERING as readonly string[]).includes(tactic))) return true;
  return others.some(
    (other) =>
      other.isOwn &&
      other.key !== comment.key &&
      other.threadKey === comment.threadKey &&
      writtenAfter(other, comment),
  );
}

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

/** Negative when `a` needs the CM before `b`. */
export function comparePriority(a: Flagged, b: Flagged): number {
  return rank(a) - rank(b) || b.intensity - a.intensity || a.firstSeen - b.firstSeen;
}

export function byPriority<T extends Flagged>(items: readonly T[]): T[] {
  return items.filter((item) => item.label !== 'neutral').sort(comparePriority);
}

/**
 * The popup's order, kept from one refresh to the next so nothing moves under the CM's eyes: items
 * already listed keep their places (a customer answered meanwhile included), a new one is slotted before
 * the first listed item it outranks, and items gone from the page drop out.
 */
export function keepOrder<T extends Flagged & { key: string }>(
  previous: readonly string[],
  items: readonly T[],
): T[] {
  const flagged = new Map(byPriority(items).map((item) => [item.key, item]));
  const kept = previous.flatMap((key) => flagged.get(key) ?? []);
  for (const item of flagged.values()) {
    if (kept.includes(item)) continue;
    const before = kept.findIndex((listed) => comparePriority(item, listed) < 0);
    kept.splice(before === -1 ? kept.length : before, 0, item);
  }
  return kept;
}
