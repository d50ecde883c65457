/**
 * Which desaffection tactics to suggest for a comment. The rules follow the field research on
 * French-speaking CMs (see README, "Why these tactics"):
 * - CMs first work out who is speaking; an unhappy customer gets an answer "even if he is odious"
 *   (restraint, moving to private messages), never humour at their expense, never silence;
 * - a troll gets ignored, hidden or light humour, never a long argument ("on ne raisonne pas quelqu'un
 *   qui est passionné… tu attends que ça passe");
 * - a threat is never engaged: escalate to the employer, document, hide, talk to a colleague;
 * - emoji calm things down when the tension is low; long threads turn more negative, and an author who
 *   keeps coming back is not calmed by more replies;
 * - sharing with colleagues and disconnecting are how CMs recover: suggested when exposure piles up.
 */
import type { Label } from '../shared/comment';
import { intensityLevel, type Level } from '../shared/levels';

export const TACTICS = [
  'humour',
  'emoji',
  'restraint',
  'private_message',
  'ignore',
  'hide',
  'escalate',
  'share_colleague',
  'take_break',
] as const;
export type Tactic = (typeof TACTICS)[number];

export interface Situation {
  label: Label;
  /** 0–1, from the classifier. */
  intensity: number;
  uncertain: boolean;
  /** Second most likely label, used when the classifier is uncertain. */
  runnerUp?: Label;
  /** Comments in this thread so far. */
  threadLength: number;
  /** Comments by this author in this thread, this one included. */
  authorCommentsInThread: number;
  /** Hostile comments (troll or threat) the CM saw in the last 30 minutes. */
  recentHostile: number;
  /** The CM's own threshold for suggesting a break (settings), else BREAK_AFTER_RECENT_HOSTILE. */
  breakAfter?: number;
}

/** Beyond this many comments a thread is "long": replies there tend to feed the fire. */
export const LONG_THREAD = 20;
/** From this many comments by one author in a thread, answering again rarely calms them. */
export const PERSISTENT_AUTHOR = 3;
/** Hostile comments in 30 minutes from which a break is suggested alongside the tactics. */
export const BREAK_AFTER_RECENT_HOSTILE = 15;

const MAX_SUGGESTIONS = 3;

// The tactics change at the levels the CM sees on the badge and in the popup (shared/levels.ts): a comment
// shown as high is handled as high.
function forThreat(level: Level): Tactic[] {
  return level === 'high' ? ['escalate', 'share_colleague', 'hide'] : ['escalate', 'hide', 'share_colleague'];
}

function forUnhappyCustomer(s: Situation, level: Level): Tactic[] {
  // Always an answer. Angry or persistent customers are better served away from the public thread.
  if (level === 'high' || s.authorCommentsInThread >= PERSISTENT_AUTHOR) {
    return ['private_message', 'restraint', 'share_colleague'];
  }
  // A long thread turns negative: take the conversation out of it before it feeds the fire.
  if (s.threadLength >= LONG_THREAD) return ['private_message', 'restraint', 'emoji'];
  if (level === 'low') return ['restraint', 'emoji', 'private_message'];
  return ['restraint', 'private_message', 'emoji'];
}

function forTroll(s: Situation, level: Level): Tactic[] {
  if (level === 'high' || s.authorCommentsInThread >= PERSISTENT_AUTHOR)
    return ['hide', 'ignore', 'share_colleague'];
  // Light humour only where it cannot escalate: a mild jab in a short thread.
  if (level === 'low' && s.threadLength < LONG_THREAD) return ['humour', 'ignore', 'emoji'];
  return ['ignore', 'hide', 'humour'];
}

/** The tactics to offer first, best first; none for a neutral comment unless a break is due. */
export function suggestTactics(s: Situation): Tactic[] {
  const level = intensityLevel(s.intensity);
  let tactics: Tactic[];
  switch (s.label) {
    case 'threat':
      tactics = forThreat(level);
      break;
    case 'unhappy_customer':
      tactics = forUnhappyCustomer(s, level);
      break;
    case 'troll':
      tactics = forTroll(s, level);
      // Uncertain between troll and customer: a restrained answer is safe for both; silence is not.
      if (s.uncertain && s.runnerUp === 'unhappy_customer') tactics = ['restraint', 'ignore', 'hide'];
      break;
    case 'neutral':
      tactics = [];
      break;
  }
  if (s.recentHostile >= (s.breakAfter ?? BREAK_AFTER_RECENT_HOSTILE)) {
    tactics = [...tactics.slice(0, MAX_SUGGESTIONS - 1), 'take_break'];
  }
  return tactics.slice(0, MAX_SUGGESTIONS);
}
