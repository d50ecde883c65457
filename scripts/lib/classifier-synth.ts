/**
 * Templated synthetic comments, generated deterministically (seeded PRNG) from hand-written pieces.
 *
 * Why: the licensed training data has no French unhappy customers, no French threats and no
 * brand-directed trolling at all. These sentences give the model a modest amount of that vocabulary in
 * context; the lexicon rules do the heavy lifting. They are only ever used for training (and as the
 * fallback benchmark corpus), never to measure quality.
 */
import type { Label } from '../../src/shared/comment';

export interface SynthDoc {
  text: string;
  label: Label;
  lang: 'fr' | 'en';
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BRANDS = ['Acme', 'Zephyr', 'Lumio', 'Batipro', 'Fresko', 'NovaTel', 'Maisonnette', 'Orbis'];
const STREETS = ['de la Paix', 'Victor Hugo', 'des Lilas', 'Jean Jaurès', 'du Moulin'];
const EN_STREETS = ['Maple Street', 'Oak Avenue', 'Main St', 'Elm Road', 'Park Lane'];

interface Spec {
  label: Label;
  lang: 'fr' | 'en';
  pre: readonly string[];
  core: readonly string[];
  post: readonly string[];
}

const FR_UNHAPPY: Spec = {
  label: 'unhappy_customer',
  lang: 'fr',
  pre: [
    '',
    'Bonjour, ',
    'Bonjour {brand}, ',
    '@{brand} ',
    'Bonsoir, ',
    'Franchement {brand}, ',
    'Allô {brand} ? ',
    'Votre service client de merde, ',
    "C'est quoi ce bordel, ",
    "Bande d'incapables, ",
    'Putain, ',
    'Sérieux {brand} ',
    'Encore une fois, ',
  ],
  core: [
    "ma commande n°{num} n'est toujours pas arrivée",
    "mon colis n'est jamais arrivé",
    "j'ai toujours pas reçu ma commande",
    "toujours rien reçu alors que j'ai payé il y a {n} semaines",
    "mon remboursement n'est toujours pas fait",
    "j'attends mon remboursement depuis {n} semaines",
    'la livraison a encore {n} jours de retard',
    'le produit est arrivé cassé',
    'ma box internet est en panne depuis {n} jours',
    "l'appli ne fonctionne plus depuis la mise à jour",
    "on m'a débité deux fois",
    "j'ai été prélevé deux fois ce mois-ci",
    'mon compte est bloqué sans raison',
    "le livreur a laissé mon colis n'importe où",
    "vous m'avez envoyé le mauvais article",
    'il manque la moitié de ma commande',
    'votre SAV ne répond jamais',
    'impossible de joindre le service client',
    "j'ai appelé {n} fois, aucune réponse",
    "mon vol a été annulé et personne ne m'aide",
    'ma valise est perdue depuis {n} jours',
    "la machine est tombée en panne au bout d'une semaine",
    'le suivi du colis ne bouge plus depuis {n} jours',
    "j'ai renvoyé l'article il y a un mois et toujours pas remboursé",
    'facture incorrecte pour la troisième fois',
    'le pull a rétréci au premier lavage, qualité déplorable',
    'la réparation devait prendre une semaine, ça fait {n} mois',
    'on me facture un abonnement que j’ai résilié',
    'mon téléphone neuf ne s’allume plus',
    'la commande est arrivée incomplète et personne ne me répond',
  ],
  post: [
    '',
    '.',
    ' !',
    ' !!',
    '. Inadmissible.',
    '. Je suis très déçu.',
    ". C'est honteux.",
    ', vous comptez faire quoi ?',
    '. Merci de me répondre rapidement.',
    '. Ras le bol.',
    ' 😡',
    ' 🙄',
    '. Plus jamais chez vous.',
    '... sérieux ?',
    '. Remboursez-moi.',
    ", c'est du foutage de gueule",
  ],
};

const EN_UNHAPPY: Spec = {
  label: 'unhappy_customer',
  lang: 'en',
  pre: [
    '',
    'Hi, ',
    'Hey {brand}, ',
    '@{brand} ',
    '{brand} ',
    'Seriously {brand}, ',
    'Your customer service is shit, ',
    'WTF {brand}, ',
    'Useless company, ',
    'Again, ',
  ],
  core: [
    'my order #{num} still has not arrived',
    'my package never arrived',
    "I still haven't received my order",
    'I paid {n} weeks ago and still nothing',
    "I've been waiting for my refund for {n} weeks",
    'the delivery is {n} days late',
    'the product arrived broken',
    'my internet has been down for {n} days',
    'the app stopped working after the update',
    'you charged me twice',
    'I was double charged this month',
    'my account got locked for no reason',
    'the driver left my parcel in the rain',
    'you sent me the wrong item',
    'half of my order is missing',
    'nobody at customer support ever answers',
    'I called {n} times and no one answered',
    'my flight was cancelled and nobody is helping',
    'you lost my luggage {n} days ago',
    'the machine broke after one week',
    'tracking has not moved in {n} days',
    'I returned it a month ago and still no refund',
    'wrong bill for the third time',
    'the sweater shrank after one wash, cheap quality',
    'the repair was supposed to take a week, it has been {n} months',
    'you keep billing me for a subscription I cancelled',
    'my new phone will not turn on',
    'been on hold for {n} hours',
  ],
  post: [
    '',
    '.',
    '!',
    '!!',
    '. Unacceptable.',
    '. Very disappointed.',
    '. Fix this.',
    '. What are you going to do about it?',
    '. Please help.',
    '. Never again.',
    ' 😡',
    ' 🙄',
    '. I want my money back.',
    '... seriously?',
    ', this is ridiculous',
  ],
};

const FR_TROLL: Spec = {
  label: 'troll',
  lang: 'fr',
  pre: ['', '@{brand} ', 'lol ', 'Mdr ', 'Franchement ', 'Ptdr ', '{brand} '],
  core: [
    "c'est de la merde",
    'bande de clowns',
    'vous êtes vraiment des guignols',
    'quelle blague cette marque 😂',
    'bravo pour cette pub ridicule 🙄',
    'boycott {brand}',
    "personne n'achète vos trucs",
    'ferme ta gueule',
    'les CM de {brand} sont des abrutis',
    'encore une marque de bobos',
    "c'est nul, comme d'hab 🤡",
    'va te faire foutre',
    'votre pub est débile',
    'qui achète encore ça',
    'génial 🙄 encore une collab inutile',
    'merci pour rien 🤡',
    'tocards',
    'espèce de connard de CM',
    "on s'en fout de votre nouveau produit",
    'marque de fachos',
    'la com de {brand} 😂😂',
    'gros nul',
    'vous êtes pathétiques',
    'le stagiaire a encore frappé',
    "c'est quoi cette pub de merde",
    'sale vendu',
    'retourne à ta niche',
    'ta marque pue',
  ],
  post: ['', ' 😂', ' lol', ' mdr', '!!!', ' 🤡', ' 🙄', '.', ' ptdr', ' 🖕'],
};

const EN_TROLL: Spec = {
  label: 'troll',
  lang: 'en',
  pre: ['', '@{brand} ', 'lol ', 'LMAO ', 'Honestly ', '{brand} '],
  core: [
    'your brand is trash',
    'bunch of clowns',
    'what a joke of a company 😂',
    'great job on this cringe ad 🙄',
    'boycott {brand}',
    'nobody buys your crap',
    'shut up',
    'the social media team is a bunch of idiots',
    'another woke brand lol',
    'pathetic as usual 🤡',
    'fuck off',
    'this ad is so stupid',
    'who even buys this',
    'wow 🙄 another useless collab',
    'thanks for nothing 🤡',
    'losers',
    'your intern is a moron',
    'nobody cares about your new product',
    'ratio',
    'you suck',
    'imagine paying for this garbage',
    'clown company',
    'go woke go broke',
    'cope harder',
  ],
  post: ['', ' 😂', ' lol', ' lmao', '!!!', ' 🤡', ' 🙄', '.', ' 🖕'],
};

const FR_THREAT: Spec = {
  label: 'threat',
  lang: 'fr',
  pre: ['', '@{brand} ', 'Toi le CM, ', 'Écoute bien, ', 'Continue comme ça et ', 'Sale con, '],
  core: [
    'je sais où tu habites',
    'on va te retrouver',
    'je vais te buter',
    'fais gaffe à toi, on sait où tu vis',
    'je vais venir chez toi',
    'ton adresse c’est le {num} rue {street}, on arrive',
    'on va brûler vos magasins',
    'je vais faire sauter votre siège',
    "t'es mort",
    'je te retrouverai',
    'une balle dans la tête, voilà ce que tu mérites',
    "on t'attend à la sortie du magasin",
    'je vais te faire la peau',
    'tu vas crever',
    'je vais vous tuer un par un',
    'on connaît ton adresse',
    'surveille tes arrières',
    'ta famille va payer',
    'je vais te retrouver et te défoncer',
    'vous allez le regretter, on va tout brûler',
  ],
  post: ['', ' 🔪', '.', ' !!!', ', compte là-dessus', ' sale con', '. Tic tac.'],
};

const EN_THREAT: Spec = {
  label: 'threat',
  lang: 'en',
  pre: ['', '@{brand} ', 'Hey admin, ', 'Listen, ', 'Keep it up and '],
  core: [
    'I know where you live',
    "we'll find you",
    "I'm going to kill you",
    'watch your back, we know where you live',
    "I'm coming to your house",
    'your address is {num} {enstreet}, see you soon',
    "we'll burn your stores down",
    "I'll blow up your HQ",
    "you're dead",
    'I will hunt you down',
    'you deserve a bullet in your head',
    "I'll be waiting outside your store",
    "I'll hurt you",
    'you will die',
    'I will kill you all one by one',
    'we have your address',
    'your family will pay',
    "I'll find you and beat you up",
  ],
  post: ['', ' 🔪', '.', '!!!', ', count on it', ' asshole', '. Tick tock.'],
};

const FR_NEUTRAL: Spec = {
  label: 'neutral',
  lang: 'fr',
  pre: ['', 'Bonjour, ', '@{brand} ', 'Salut {brand} ! ', 'Hello, '],
  core: [
    'vous livrez en Belgique ?',
    'merci pour la livraison rapide !',
    "j'adore mes nouvelles baskets 😍",
    'quand sort la nouvelle collection ?',
    "super service, merci à l'équipe",
    'est-ce que le magasin de Lyon est ouvert dimanche ?',
    'commande reçue, tout est parfait 👍',
    'le produit est top, je recommande',
    'vous avez des codes promo ?',
    'trop hâte de tester',
    "bravo à toute l'équipe pour ce lancement",
    "c'est disponible en taille M ?",
    'merci pour votre réponse rapide, problème réglé',
    'je viens de commander, hâte de recevoir',
    'belle journée à vous',
    'quelle est la date de livraison prévue pour les précommandes ?',
    'comment je fais pour retourner un article ?',
    'le service client a été super efficace',
    'mon colis est arrivé en avance, merci !',
    'vous recrutez en ce moment ?',
    'la couleur bleue existe aussi ?',
    'je suis client depuis 10 ans et toujours ravi',
    'on peut payer en trois fois ?',
    "c'est quoi la différence entre les deux modèles ?",
    'ma fille adore, merci',
    'merci',
    "d'accord, merci",
    'pas de souci',
    'oui',
    'avec plaisir',
    'ok parfait',
    'bonne idée',
  ],
  post: ['', ' 🙂', ' !', '.', ' ❤️', ' merci'],
};

const EN_NEUTRAL: Spec = {
  label: 'neutral',
  lang: 'en',
  pre: ['', 'Hi, ', '@{brand} ', 'Hey {brand}! ', 'Hello, '],
  core: [
    'do you ship to Canada?',
    'thanks for the fast delivery!',
    'love my new sneakers 😍',
    'when does the new collection drop?',
    'great service, thanks to the team',
    'is the Boston store open on Sunday?',
    'order received, everything is perfect 👍',
    'great product, I recommend it',
    'any discount codes?',
    "can't wait to try it",
    'congrats to the whole team on the launch',
    'is this available in size M?',
    'thanks for the quick reply, all sorted',
    'just ordered, excited to get it',
    'have a nice day',
    'what is the expected delivery date for preorders?',
    'how do I return an item?',
    'customer service was super helpful',
    'my package arrived early, thank you!',
    'are you hiring right now?',
    'does it come in blue?',
    'been a customer for 10 years and still happy',
    'can I pay in installments?',
    "what's the difference between the two models?",
    'my daughter loves it, thanks',
    "you're welcome",
    'ok thanks',
    'yes',
    'no worries',
    'sounds good',
    'will do',
    'good idea',
  ],
  post: ['', ' 🙂', '!', '.', ' ❤️', ' thanks'],
};

export const SPECS: readonly Spec[] = [
  FR_UNHAPPY,
  EN_UNHAPPY,
  FR_TROLL,
  EN_TROLL,
  FR_THREAT,
  EN_THREAT,
  FR_NEUTRAL,
  EN_NEUTRAL,
];

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)] as T;
}

function fill(rnd: () => number, s: string): string {
  return s
    .replace(/\{brand\}/g, () => pick(rnd, BRANDS))
    .replace(/\{num\}/g, () => String(10 + Math.floor(rnd() * 9000)))
    .replace(/\{n\}/g, () => String(2 + Math.floor(rnd() * 6)))
    .replace(/\{street\}/g, () => pick(rnd, STREETS))
    .replace(/\{enstreet\}/g, () => pick(rnd, EN_STREETS));
}

function capitalise(rnd: () => number, s: string): string {
  const r = rnd();
  if (r < 0.5) return s.charAt(0).toUpperCase() + s.slice(1);
  if (r < 0.6) return s.toUpperCase();
  if (r < 0.75) return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(); // no accents, texting style
  return s;
}

/** `perSpec` unique comments per (label, language), deterministic for a given seed. */
export function synthesize(perSpec = 220, seed = 1234): SynthDoc[] {
  const rnd = mulberry32(seed);
  const docs: SynthDoc[] = [];
  for (const spec of SPECS) {
    const seen = new Set<string>();
    let tries = 0;
    while (seen.size < perSpec && tries < perSpec * 20) {
      tries++;
      const text = capitalise(
        rnd,
        fill(rnd, pick(rnd, spec.pre) + pick(rnd, spec.core) + pick(rnd, spec.post)),
      );
      if (seen.has(text)) continue;
      seen.add(text);
      docs.push({ text, label: spec.label, lang: spec.lang });
    }
  }
  return docs;
}
