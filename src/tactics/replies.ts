/**
 * Ready replies and guidance per tactic, in French and English. Replies are written to lower the
 * temperature, never to win an argument; the CM edits them in the settings. Desaffect never posts: the
 * CM copies or inserts the text and sends it themselves.
 */
import type { Platform } from '../shared/comment';
import type { Tactic } from './rules';

export type ReplyLanguage = 'fr' | 'en';

export interface ReplyValues {
  /** The CM's brand (first brand name in the settings). */
  brand: string;
  /** The commenter's display name, to greet them. */
  name: string;
  /** The comment's permalink, for colleagues and the employer. */
  link: string;
  platform: Platform;
}

/** Text the CM can post or send, per tactic. Tactics without one (ignore, hide, take a break) are guidance. */
export const DEFAULT_REPLIES: Readonly<Partial<Record<Tactic, Record<ReplyLanguage, string>>>> = {
  humour: {
    fr: 'On prend ça pour de l’enthousiasme 😄 Si vous avez une vraie question sur {brand}, on est là !',
    en: 'We’ll take that as enthusiasm 😄 If you have a real question about {brand}, we’re here!',
  },
  emoji: {
    fr: 'On vous lit 🙂',
    en: 'We hear you 🙂',
  },
  restraint: {
    fr: 'Bonjour {name}, nous sommes désolés pour ce désagrément. Nous regardons votre situation et revenons vers vous rapidement.',
    en: 'Hello {name}, we’re sorry about this. We’re looking into it and will get back to you shortly.',
  },
  private_message: {
    fr: 'Bonjour {name}, nous voulons régler cela avec vous : pouvez-vous nous écrire en message privé avec votre numéro de commande ? Merci.',
    en: 'Hello {name}, we want to sort this out with you: could you send us a private message with your order number? Thank you.',
  },
  share_colleague: {
    fr: 'Tu peux jeter un œil à ce commentaire avec moi ? {link}',
    en: 'Could you have a look at this comment with me? {link}',
  },
  escalate: {
    fr: 'Menace reçue sur {platform} : {link}. La preuve (texte, auteur, heure, capture) est conservée.',
    en: 'Threat received on {platform}: {link}. The evidence (text, author, time, screenshot) is kept.',
  },
};

const PLATFORM_NAMES: Record<Platform, string> = { x: 'X', facebook: 'Facebook' };

/** The language to answer in: the comment's own when we have templates for it, else the interface's. */
export function replyLanguage(commentLang: string, interfaceLang: string): ReplyLanguage {
  if (commentLang === 'fr' || commentLang === 'en') return commentLang;
  return interfaceLang.startsWith('fr') ? 'fr' : 'en';
}

/**
 * The ready reply for a tactic, with the CM's own wording when they edited it, placeholders filled.
 * Null for tactics that are guidance rather than text.
 */
export function readyReply(
  tactic: Tactic,
  language: ReplyLanguage,
  values: ReplyValues,
  overrides: Readonly<Record<string, Readonly<Record<string, string>>>> = {},
): string | null {
  const template = overrides[tactic]?.[language] ?? DEFAULT_REPLIES[tactic]?.[language];
  if (template === undefined) return null;
  const filled: Record<string, string> = {
    brand: values.brand,
    name: values.name,
    link: values.link,
    platform: PLATFORM_NAMES[values.platform],
  };
  // One pass, so a value containing "{link}" is never expanded again.
  return template
    .replace(/\{(brand|name|link|platform)\}/g, (_match, key: string) => filled[key] ?? '')
    .replace(/ +,/g, ',') // "Bonjour {name}," with no name known
    .trim();
}
