/**
 * Ready replies per tactic, fitted to the complaint's topic (from the classifier's typed cues), the
 * brand's tone in French (vous or tu) and the language, two or three wordings each; the CM's own saved
 * replies come first. Replies lower the temperature, never win an argument. Desaffect never posts: the CM
 * copies or inserts the text and sends it themselves.
 *
 * Shipped wordings are written once for both French tones: `[vous form|tu form]` picks one. A part in
 * `<…>` holding a placeholder is left out when that placeholder has no value ("Bonjour< {name}>,"), so no
 * `{name}` or dangling "sur ," ever reaches the CM.
 */
import type { Cue, Platform } from '../shared/comment';
import { PLATFORM_NAMES } from '../shared/sites';
import type { Tactic } from './rules';

export type ReplyLanguage = 'fr' | 'en';
export type Tone = 'vous' | 'tu';

/** What a complaint is about, from the classifier's `complaint_*` cues; `general` for anything else. */
export const TOPICS = [
  'delivery',
  'billing',
  'outage',
  'refund',
  'account',
  'shop',
  'delay',
  'product',
  'service',
  'general',
] as const;
export type Topic = (typeof TOPICS)[number];

export interface ReplyValues {
  /** The CM's brand (first brand name in the settings). */
  brand: string;
  /** The commenter's display name, to greet them. */
  name: string;
  /** The comment's permalink, for colleagues and the employer. */
  link: string;
  platform: Platform;
}

interface Wordings {
  fr: readonly string[];
  en: readonly string[];
}

/** Tactics that come with text; the others (ignore, hide, take a break) are guidance. */
export type ReplyTactic =
  | 'humour'
  | 'emoji'
  | 'restraint'
  | 'private_message'
  | 'share_colleague'
  | 'escalate';
export const REPLY_TACTICS: readonly ReplyTactic[] = [
  'restraint',
  'private_message',
  'emoji',
  'humour',
  'share_colleague',
  'escalate',
];

/** Answers to a customer, by topic: acknowledge, stay factual, promise a follow-up. */
const RESTRAINT: Readonly<Record<Topic, Wordings>> = {
  general: {
    fr: [
      'Bonjour< {name}>, [nous sommes désolés|désolés] pour ce désagrément. Nous regardons [votre|ta] situation et revenons vers [vous|toi] rapidement.',
      'Bonjour< {name}>, merci de nous l’avoir signalé. On s’en occupe et on [vous|te] tient au courant très vite.',
    ],
    en: [
      'Hello< {name}>, we’re sorry about this. We’re looking into it and will get back to you shortly.',
      'Hi< {name}>, thank you for telling us. We’re on it and will get back to you very soon.',
    ],
  },
  delivery: {
    fr: [
      'Bonjour< {name}>, [nous sommes désolés|désolés] pour ce retard de livraison. Nous vérifions où en est [votre|ta] commande et revenons vers [vous|toi] au plus vite.',
      'Bonjour< {name}>, une commande qui n’arrive pas, c’est pénible, on comprend. On fait le point sur [votre|ta] commande et on [vous|te] tient au courant.',
    ],
    en: [
      'Hello< {name}>, we’re sorry your order is late. We’re checking where it is and will get back to you as soon as we can.',
      'Hi< {name}>, an order that doesn’t turn up is frustrating, we understand. We’re looking into your order and will keep you posted.',
    ],
  },
  billing: {
    fr: [
      'Bonjour< {name}>, [nous comprenons votre|on comprend ton] inquiétude au sujet de cette facture. Nous la vérifions ligne par ligne et revenons vers [vous|toi] rapidement.',
      'Bonjour< {name}>, un montant qui ne colle pas mérite une vérification : on s’en charge et on [vous|te] tient au courant.',
    ],
    en: [
      'Hello< {name}>, we understand your concern about this bill. We’re checking it line by line and will get back to you shortly.',
      'Hi< {name}>, an amount that doesn’t add up deserves a check: we’re on it and will keep you posted.',
    ],
  },
  outage: {
    fr: [
      'Bonjour< {name}>, [nous sommes désolés|désolés] pour cette coupure. Nous suivons la situation et [vous|te] donnons des nouvelles dès que possible.',
      'Bonjour< {name}>, on sait à quel point une panne est pénible. On vérifie ce qui se passe chez [vous|toi] et on revient vers [vous|toi] rapidement.',
    ],
    en: [
      'Hello< {name}>, we’re sorry about this outage. We’re following the situation and will update you as soon as we can.',
      'Hi< {name}>, we know how annoying an outage is. We’re checking what’s happening on your side and will get back to you shortly.',
    ],
  },
  refund: {
    fr: [
      'Bonjour< {name}>, [nous comprenons votre|on comprend ton] attente. Nous vérifions où en est [votre|ton] remboursement et revenons vers [vous|toi] rapidement.',
      'Bonjour< {name}>, merci pour [votre|ta] patience. On regarde tout de suite le suivi de [votre|ton] remboursement et on revient vers [vous|toi] au plus vite.',
    ],
    en: [
      'Hello< {name}>, we understand you’re waiting. We’re checking where your refund stands and will get back to you shortly.',
      'Hi< {name}>, thank you for your patience. We’re looking at your refund right now and will get back to you as soon as we can.',
    ],
  },
  account: {
    fr: [
      'Bonjour< {name}>, [nous sommes désolés|désolés] pour ce souci d’accès à [votre|ton] compte. Nous regardons cela et revenons vers [vous|toi] rapidement.',
      'Bonjour< {name}>, un compte bloqué, c’est frustrant. On s’en occupe et on [vous |t’]explique la marche à suivre très vite.',
    ],
    en: [
      'Hello< {name}>, we’re sorry you can’t get into your account. We’re looking into it and will get back to you shortly.',
      'Hi< {name}>, a locked account is frustrating. We’re on it and will explain the next steps very soon.',
    ],
  },
  shop: {
    fr: [
      'Bonjour< {name}>, [nous sommes désolés|désolés] que [votre|ton] passage en boutique se soit mal passé. Nous en parlons avec l’équipe du magasin et revenons vers [vous|toi].',
      'Bonjour< {name}>, merci de nous raconter [votre|ta] visite. Ce n’est pas l’accueil que nous voulons offrir : on en parle avec la boutique et on [vous|te] tient au courant.',
    ],
    en: [
      'Hello< {name}>, we’re sorry your visit to the shop went badly. We’re talking it over with the shop’s team and will get back to you.',
      'Hi< {name}>, thank you for telling us about your visit. That’s not the welcome we want to give: we’ll raise it with the shop and keep you posted.',
    ],
  },
  delay: {
    fr: [
      'Bonjour< {name}>, [nous sommes désolés|désolés] pour cette attente. Nous reprenons [votre|ton] dossier et revenons vers [vous|toi] rapidement.',
      'Bonjour< {name}>, attendre sans nouvelles, c’est usant, on le comprend. On fait le point sur [votre|ta] demande et on revient vers [vous|toi] dès que possible.',
    ],
    en: [
      'Hello< {name}>, we’re sorry for the wait. We’re picking up your case and will get back to you shortly.',
      'Hi< {name}>, waiting without news is wearing, we understand. We’re reviewing your request and will get back to you as soon as we can.',
    ],
  },
  product: {
    fr: [
      'Bonjour< {name}>, [nous sommes désolés|désolés] que le produit ne fonctionne pas comme prévu. Nous regardons les solutions possibles et revenons vers [vous|toi] rapidement.',
      'Bonjour< {name}>, merci de nous le signaler. Ce n’est pas l’expérience que nous voulons [vous |t’]offrir : on cherche la meilleure solution et on revient vers [vous|toi] vite.',
    ],
    en: [
      'Hello< {name}>, we’re sorry the product isn’t working as it should. We’re looking at the options and will get back to you shortly.',
      'Hi< {name}>, thank you for telling us. That’s not the experience we want you to have: we’re looking for the best fix and will get back to you soon.',
    ],
  },
  service: {
    fr: [
      'Bonjour< {name}>, [nous sommes désolés|désolés] de [vous avoir|t’avoir] fait attendre. Nous reprenons [votre|ta] demande maintenant et revenons vers [vous|toi] rapidement.',
      'Bonjour< {name}>, [vous avez|tu as] bien fait de nous relancer. On reprend [votre|ta] demande tout de suite et on revient vers [vous|toi] dès que possible.',
    ],
    en: [
      'Hello< {name}>, we’re sorry to have kept you waiting. We’re picking up your request now and will get back to you shortly.',
      'Hi< {name}>, you’re right to chase us. We’re looking into your request right away and will get back to you as soon as we can.',
    ],
  },
};

/** What to send in a private message, by topic: what the team needs, and never anything sensitive in public. */
const PRIVATE_MESSAGE_DETAILS: Readonly<Record<Topic, { fr: string; en: string }>> = {
  general: { fr: '', en: '' },
  delivery: { fr: ' avec [votre|ton] numéro de commande', en: ' with your order number' },
  billing: {
    fr: ' avec [votre|ta] référence client et le numéro de la facture',
    en: ' with your customer reference and the invoice number',
  },
  outage: {
    fr: ' avec [votre|ton] adresse ou [votre|ton] numéro de ligne',
    en: ' with your address or line number',
  },
  refund: { fr: ' avec [votre|ton] numéro de commande ou de dossier', en: ' with your order or case number' },
  account: {
    fr: ' avec l’adresse e-mail de [votre|ton] compte (jamais [votre|ton] mot de passe)',
    en: ' with your account’s email address (never your password)',
  },
  shop: {
    fr: ' avec le nom de la boutique et le jour de [votre|ta] visite',
    en: ' with the shop’s name and the day of your visit',
  },
  delay: { fr: ' avec [votre|ton] numéro de dossier', en: ' with your case number' },
  product: {
    fr: ' avec la référence du produit et une photo',
    en: ' with the product’s reference and a photo',
  },
  service: { fr: ' avec le détail de [votre|ta] demande', en: ' with the details of your request' },
};

function privateMessage(topic: Topic): Wordings {
  const details = PRIVATE_MESSAGE_DETAILS[topic];
  return {
    fr: [
      `Bonjour< {name}>, nous voulons régler cela avec [vous|toi] : [pouvez-vous|peux-tu] nous écrire en message privé${details.fr} ? Merci.`,
      `Bonjour< {name}>, pour regarder [votre|ta] situation en détail, [écrivez-nous|écris-nous] en message privé${details.fr} et on s’en occupe.`,
    ],
    en: [
      `Hello< {name}>, we want to sort this out with you: could you send us a private message${details.en}? Thank you.`,
      `Hi< {name}>, so we can look at this in detail, please message us privately${details.en} and we’ll take it from there.`,
    ],
  };
}

/** Tactics whose wording does not depend on the topic. */
const TOPIC_FREE: Readonly<Record<'humour' | 'emoji' | 'share_colleague' | 'escalate', Wordings>> = {
  humour: {
    fr: [
      'On prend ça pour de l’enthousiasme 😄 Et si on peut [vous |t’]aider< avec {brand}>, on est là !',
      'Message reçu 😄 Si [vous avez|tu as] besoin de nous< pour {brand}>, [écrivez-nous|écris-nous] quand [vous voulez|tu veux] !',
    ],
    en: [
      'We’ll take that as enthusiasm 😄 And if we can help< with {brand}>, we’re here!',
      'Message received 😄 If you need us< for {brand}>, just drop us a line!',
    ],
  },
  emoji: {
    fr: [
      'Bien reçu<, {name}> 🙏 On regarde ça de près et on revient vers [vous|toi].',
      'Merci pour [votre|ton] message 🙂 On s’en occupe.',
    ],
    en: [
      'Got it<, {name}> 🙏 We’re looking into it closely and will get back to you.',
      'Thanks for your message 🙂 We’re on it.',
    ],
  },
  // Written to a colleague or a manager, who is not the commenter: no tone to choose.
  share_colleague: {
    fr: [
      'Tu peux jeter un œil à ce commentaire avec moi ?< {link}>',
      'Celui-ci me pèse un peu, on en parle deux minutes ?< {link}>',
    ],
    en: [
      'Could you have a look at this comment with me?< {link}>',
      'This one weighs on me a bit, can we talk for two minutes?< {link}>',
    ],
  },
  escalate: {
    fr: [
      'Menace reçue sur {platform}< : {link}>. J’en garde la preuve.',
      'Pour information, un commentaire menaçant vient d’arriver sur {platform}< ({link})>. J’ai gardé la preuve : comment veut-on réagir ?',
    ],
    en: [
      'Threat received on {platform}<: {link}>. I’m keeping the evidence.',
      'For your information, a threatening comment just arrived on {platform}< ({link})>. I kept the evidence: how do we want to respond?',
    ],
  },
};

function wordings(tactic: Tactic, topic: Topic): Wordings | null {
  switch (tactic) {
    case 'restraint':
      return RESTRAINT[topic];
    case 'private_message':
      return privateMessage(topic);
    case 'humour':
    case 'emoji':
    case 'share_colleague':
    case 'escalate':
      return TOPIC_FREE[tactic];
    default:
      return null;
  }
}

const TOPIC_OF_CUE: Readonly<Partial<Record<Cue['kind'], Topic>>> = {
  complaint_delivery: 'delivery',
  complaint_billing: 'billing',
  complaint_outage: 'outage',
  complaint_refund: 'refund',
  complaint_account: 'account',
  complaint_shop: 'shop',
  complaint_delay: 'delay',
  complaint_product: 'product',
  complaint_service: 'service',
};

/** The complaint's topic: its most decisive complaint cue (cues come most decisive first). */
export function topicOf(cues: readonly Pick<Cue, 'kind'>[]): Topic {
  for (const cue of cues) {
    const topic = TOPIC_OF_CUE[cue.kind];
    if (topic) return topic;
  }
  return 'general';
}

/** French spacing: a narrow no-break space before ; ! ? and a no-break space before : and inside « ». */
function frenchSpacing(text: string): string {
  return text
    .replace(/ ([;!?])/g, '\u202f$1')
    .replace(/ :/g, '\u00a0:')
    .replace(/« /g, '«\u00a0')
    .replace(/ »/g, '\u00a0»');
}

/**
 * A template with its placeholders filled. A `<…>` part goes when one of its placeholders has no value;
 * a placeholder with no value outside one goes with the space before it. One pass per placeholder, so a
 * value containing "{link}" is never expanded again.
 */
export function fillPlaceholders(template: string, values: ReplyValues): string {
  const filled: Record<string, string> = {
    brand: values.brand.trim(),
    name: values.name.trim(),
    link: values.link.trim(),
    platform: PLATFORM_NAMES[values.platform],
  };
  const fill = (text: string) =>
    text.replace(/ ?\{(brand|name|link|platform)\}/g, (match, key: string) =>
      filled[key] ? match.replace(`{${key}}`, filled[key] as string) : '',
    );
  return fill(
    template.replace(/<([^<>]*)>/g, (_match, part: string) =>
      [...part.matchAll(/\{(brand|name|link|platform)\}/g)].every((m) => filled[m[1] as string]) ? part : '',
    ),
  )
    .replace(/ +([,.])/g, '$1')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** A shipped wording in the chosen tone: `[vous form|tu form]`. */
function inTone(template: string, tone: Tone): string {
  return template.replace(/\[([^[\]|]*)\|([^[\]|]*)\]/g, (_m, vous: string, tu: string) =>
    tone === 'vous' ? vous : tu,
  );
}

/** A reply the CM wrote and saved (storage/saved-replies.ts), as the suggestion needs it. */
export interface OwnReply {
  tactic: string;
  topic: Topic | 'any';
  language: ReplyLanguage;
  tone: Tone | 'any';
  text: string;
}

export interface ReplyRequest {
  tactic: Tactic;
  language: ReplyLanguage;
  tone: Tone;
  topic: Topic;
  values: ReplyValues;
  /** The CM's saved replies: those for this tactic, language, topic and tone come first. */
  own?: readonly OwnReply[];
}

export interface Suggestion {
  text: string;
  /** Written by the CM (a saved reply), not shipped. */
  own: boolean;
}

/** The wordings to offer for a tactic, best first: the CM's own, then the shipped ones for the topic. */
export function suggestReplies(request: ReplyRequest): Suggestion[] {
  const { tactic, language, tone, topic, values } = request;
  const own = (request.own ?? [])
    .filter(
      (reply) =>
        reply.tactic === tactic &&
        reply.language === language &&
        (reply.topic === 'any' || reply.topic === topic) &&
        (reply.tone === 'any' || reply.tone === tone || language === 'en'),
    )
    // A reply written for this very topic before one written for any.
    .sort((a, b) => Number(b.topic === topic) - Number(a.topic === topic))
    .map((reply) => ({ text: fillPlaceholders(reply.text, values), own: true }));
  const shipped = (wordings(tactic, topic)?.[language] ?? []).map((template) => {
    const text = fillPlaceholders(inTone(template, tone), values);
    return { text: language === 'fr' ? frenchSpacing(text) : text, own: false };
  });
  return [...own, ...shipped];
}

/** The language to answer in: the comment's own when we have templates for it, else the interface's. */
export function replyLanguage(commentLang: string, interfaceLang: string): ReplyLanguage {
  if (commentLang === 'fr' || commentLang === 'en') return commentLang;
  return interfaceLang.startsWith('fr') ? 'fr' : 'en';
}

/** Tactics whose text goes to a colleague or a manager, never to the commenter nor into the reply box. */
export const INTERNAL_TACTICS: readonly Tactic[] = ['share_colleague', 'escalate'];

/** The language of a tactic's text: the comment's for a reply, the CM's own for a word to colleagues. */
export function textLanguage(tactic: Tactic, commentLang: string, interfaceLang: string): ReplyLanguage {
  return INTERNAL_TACTICS.includes(tactic)
    ? replyLanguage('und', interfaceLang)
    : replyLanguage(commentLang, interfaceLang);
}
