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

// ---------------------------------------------------------------- more varied sentences (sectors, styles)
// French first: the dev data has no French customers and no French threats at all.

const FR_UNHAPPY_SECTORS: Spec = {
  label: 'unhappy_customer',
  lang: 'fr',
  pre: [
    '',
    'Bonjour, ',
    '@{brand} ',
    'Madame, Monsieur, ',
    'Franchement, ',
    'Honnêtement, ',
    'Salut, ',
    'Avis : ',
  ],
  core: [
    // product reviews (one or two stars)
    'article de très mauvaise qualité, les coutures ont lâché au bout de {n} jours',
    'la poignée s’est cassée à la première utilisation',
    'écran qui se fissure tout seul, qualité médiocre',
    'rien à voir avec les photos du site, couleur complètement différente',
    'produit qui ne vaut pas son prix, je le renvoie',
    'la batterie ne charge plus après {n} semaines',
    'déçue, le tissu bouloche après deux lavages',
    'le mixeur fait un bruit infernal et chauffe, à éviter',
    'notice incompréhensible et il manquait deux vis',
    'aspirateur tombé en panne après {n} mois, garantie refusée',
    'taille beaucoup trop petite et le retour est à mes frais',
    'le matelas s’est affaissé en quelques semaines, très déçu',
    'casque qui grésille d’un côté dès la réception',
    // banks and insurance
    'ma banque m’a prélevé des frais sans aucune explication',
    'ma carte a été refusée trois fois alors que mon compte est approvisionné',
    'le virement de mon salaire est bloqué depuis {n} jours',
    'conseiller injoignable, l’agence ne rappelle jamais',
    'l’assurance traîne depuis {n} mois pour mon sinistre',
    'on m’a ouvert une assurance que je n’ai jamais demandée',
    'prêt accepté puis annulé sans explication',
    // telecoms and energy
    'plus de réseau à la maison depuis {n} jours',
    'la fibre coupe tous les soirs à la même heure',
    'on me facture des appels que je n’ai jamais passés',
    'ma facture d’électricité a doublé sans raison',
    'le compteur a été mal relevé et on me réclame {num} euros',
    'le technicien devait venir mardi, toujours personne',
    'débit ridicule pour le prix que je paie',
    // transport, public services, delivery, restaurants, hotels
    'mon train a encore été supprimé sans prévenir',
    '{n} heures de retard et aucune information à bord',
    'valise endommagée à l’arrivée et personne au comptoir',
    'dossier de retraite en attente depuis {n} mois',
    'impossible de joindre la caisse, la ligne sonne dans le vide',
    'rendez-vous en ligne introuvable depuis des semaines',
    'le recommandé n’est jamais arrivé et la réclamation tourne en rond',
    'livreur passé sans sonner, colis reparti à l’entrepôt',
    'commande de repas arrivée froide et incomplète',
    'chambre sale et bruyante, rien à voir avec l’annonce',
    'on m’a facturé la nuit alors que j’avais annulé',
    // service, loyalty, legal
    'cliente fidèle et voilà comment on me remercie',
    'quatre appels, quatre réponses différentes',
    'on me balade de service en service depuis un mois',
    'je vais saisir le médiateur si rien ne bouge',
    'je vais porter plainte pour ce prélèvement',
    'mise en demeure envoyée, toujours aucune réponse',
    'je résilie mon abonnement dès ce soir',
    'je change de banque, ras-le-bol',
    'j’exige le remboursement intégral',
    'je veux un échange ou un avoir, pas des excuses',
  ],
  post: [
    '',
    '.',
    ' !',
    '. Très déçu.',
    '. Inadmissible.',
    '. Je ne recommande pas.',
    '. Une honte.',
    ', merci de me rappeler.',
    '. Que comptez-vous faire ?',
    ' 😤',
    ' 😡',
    '. Dernier achat chez vous.',
    '... sérieusement ?',
    '. À fuir.',
  ],
};

const EN_UNHAPPY_SECTORS: Spec = {
  label: 'unhappy_customer',
  lang: 'en',
  pre: ['', 'Hi, ', '@{brand} ', 'Honestly, ', 'Review: ', 'Hey, '],
  core: [
    'the zipper broke the first time I used it',
    'looks nothing like the pictures, totally different color',
    'not worth the price, sending it back',
    'battery stopped holding a charge after {n} weeks',
    'the fabric started pilling after two washes',
    'my bank charged me fees with no explanation',
    'my card keeps getting declined even though I have money in the account',
    'my paycheck deposit has been on hold for {n} days',
    'no signal at home for {n} days',
    'my electricity bill doubled for no reason',
    'the technician never showed up',
    'the train was cancelled again with no announcement',
    'my suitcase arrived damaged and nobody at the desk',
    'the food arrived cold and half the order was missing',
    'the room was dirty and nothing like the listing',
    'four calls, four different answers',
    'I will file a complaint with the attorney general',
    'I am cancelling my subscription today',
    'loyal customer for {n} years and this is how you treat me',
    'I want a full refund, not another apology',
  ],
  post: [
    '',
    '.',
    '!',
    '. Very disappointed.',
    '. Unacceptable.',
    '. Avoid.',
    ' 😡',
    '. Never again.',
    '... really?',
  ],
};

const FR_THREAT_VEILED: Spec = {
  label: 'threat',
  lang: 'fr',
  pre: ['', '@{brand} ', 'Toi le CM, ', 'Le CM, ', 'Écoute-moi bien, ', 'Petit conseil, ', 'Sale balance, '],
  core: [
    'fais gaffe quand tu rentres chez toi ce soir',
    'on sait à quelle heure tu sors du bureau',
    'on t’attendra à la sortie de l’agence',
    'je connais ta voiture, elle est garée où d’habitude ?',
    'à ta place je ferais très attention',
    'continue de supprimer mes messages et tu verras ce qui va t’arriver',
    'encore une fois et je viens avec mes potes',
    'ce serait dommage qu’il arrive quelque chose à tes enfants',
    'ton magasin pourrait bien brûler une nuit',
    'je vais lui refaire le portrait à ce CM',
    'je vais te mettre une balle',
    'tu finiras à l’hôpital',
    'on a trouvé ton adresse, on passera te voir',
    'ton adresse perso circule, bonne chance',
    'il faut tous les pendre, ces escrocs',
    'le jour où je te croise, tu es mort',
    'tu vas le regretter toute ta vie',
    'vous allez payer, et pas en euros',
    'je reviendrai armé la prochaine fois',
    'prends garde à toi et à ta famille',
    'on va régler ça dehors',
    'tes jours sont comptés',
    'j’espère que quelqu’un va te planter',
    'je vais faire un carnage dans votre agence',
    'mettez une bombe dans leur siège',
    'je sais où tu gares ta voiture',
  ],
  post: [
    '',
    '.',
    ' 🙂',
    ' 😉',
    ' 🔪',
    '...',
    '. Tu es prévenu.',
    ', compte sur moi',
    '. Dernier avertissement.',
  ],
};

const EN_THREAT_VEILED: Spec = {
  label: 'threat',
  lang: 'en',
  pre: ['', '@{brand} ', 'Hey admin, ', 'Listen, ', 'Friendly advice: '],
  core: [
    'be careful on your way home tonight',
    'we know what time you leave the office',
    "we'll be waiting outside your store",
    'I know what car you drive',
    'if I were you I would watch my back',
    'keep banning me and see what happens to your staff',
    'it would be a shame if something happened to your kids',
    'your warehouse could catch fire one night',
    "I'm going to break your manager's jaw",
    'you will end up in the hospital',
    'we found your address, see you soon',
    'your home address is out there now, good luck',
    'they should all be hanged',
    "the day I see you, you're dead",
    "you'll regret this for the rest of your life",
    "I'll come back with a gun next time",
    'your days are numbered',
    'I hope someone stabs you',
    'someone should burn your headquarters down',
  ],
  post: ['', '.', ' 🙂', ' 😉', ' 🔪', '...', '. You have been warned.', '. Last warning.'],
};

const FR_TROLL_SARCASM: Spec = {
  label: 'troll',
  lang: 'fr',
  pre: ['', '@{brand} ', 'Mdr ', 'Ah bah ', 'Wow, ', 'Ouf, '],
  core: [
    'encore une superbe idée du service marketing',
    'bravo, encore un produit révolutionnaire qui sert à rien',
    'quel génie a eu cette idée ?',
    'on n’arrête pas le progrès chez {brand}',
    'votre stagiaire s’est encore surpassé',
    'le CM est payé au lance-pierre ça se voit',
    'votre « innovation » c’est un copier-coller',
    'la marque la plus ringarde de France',
    'vous êtes la risée d’internet',
    'génial, une pub de plus que personne ne regardera',
    'heureusement que les concurrents existent',
    'toujours aussi drôle de lire vos excuses toutes faites',
    'un jour vous ferez un post utile, peut-être',
    'ça sent le community manager en burn-out',
    'magnifique, vous avez réussi à rendre le logo encore plus moche',
    'vous vendez de l’air en boîte',
    'votre slogan fait pitié',
    'merci pour ce moment de gêne',
  ],
  post: ['', ' 👏', ' 👏👏', ' 🙄', ' 😂', ' 🤡', '.', ' mdr', '…'],
};

const EN_TROLL_SARCASM: Spec = {
  label: 'troll',
  lang: 'en',
  pre: ['', '@{brand} ', 'Wow, ', 'Oh look, ', 'LOL '],
  core: [
    'another groundbreaking idea from marketing',
    'truly revolutionary, a new color',
    'who approved this, the intern?',
    'your social media guy gets paid in exposure',
    'the "premium" experience strikes again',
    'the most out of touch brand on the planet',
    'you are the laughingstock of the internet',
    'great, another ad nobody will watch',
    'yet another rebrand nobody wanted',
    'love how you keep copying your competitors',
    'slow clap for this campaign',
    'said no customer ever',
    'stellar work as usual',
  ],
  post: ['', ' 👏', ' 👏👏', ' 🙄', ' 😂', ' 🤡', '.', ' lol', '...'],
};

const FR_NEUTRAL_QUESTIONS: Spec = {
  label: 'neutral',
  lang: 'fr',
  pre: ['', 'Bonjour, ', 'Bonsoir, ', '@{brand} ', 'Petite question : ', 'Hello, '],
  core: [
    'quel est le délai pour être remboursé après un retour ?',
    'est-ce que je peux échanger un cadeau sans ticket ?',
    'comment fonctionne la garantie si l’appareil tombe en panne ?',
    'si la taille ne va pas, le retour est gratuit ?',
    'peut-on suivre sa commande depuis l’appli ?',
    'est-il possible de changer de forfait en cours de mois ?',
    'combien de temps prend un virement entre deux banques ?',
    'que faire en cas de colis endommagé à la livraison ?',
    'vous proposez la livraison en point relais ?',
    'le remboursement se fait sur la carte ou en bon d’achat ?',
    'est-ce que la fibre est disponible dans ma commune ?',
    'à quelle heure ferme l’agence le samedi ?',
    'je voudrais savoir si le modèle existe en 42',
    'puis-je annuler ma réservation sans frais ?',
    'merci pour le remboursement reçu ce matin',
    'colis reçu, tout est conforme, merci',
    'super expérience, livraison dans les temps',
    'très bon rapport qualité prix, je recommande',
    'le conseiller a été très patient, merci',
    'ce gâteau est une tuerie',
    'cette pub me tue 😂',
    'mort de rire devant votre vidéo',
    'je suis morte de rire',
    'prix cassés ce week-end, j’ai craqué',
    'je crève de faim, vivement la réouverture',
    'faites attention aux faux sites qui utilisent votre nom',
  ],
  post: ['', ' 🙂', '.', ' merci', ' !', ' 😍'],
};

const EN_NEUTRAL_QUESTIONS: Spec = {
  label: 'neutral',
  lang: 'en',
  pre: ['', 'Hi, ', '@{brand} ', 'Quick question: ', 'Hello, '],
  core: [
    'how long does a refund take after a return?',
    'can I exchange a gift without a receipt?',
    'what happens if the device breaks under warranty?',
    'if the size is wrong, is the return free?',
    'can I change my plan in the middle of the month?',
    'do you offer pickup points?',
    'is the refund issued to the card or as store credit?',
    'got the refund this morning, thanks',
    'package arrived, everything as described',
    'great value for money, highly recommend',
    'that ad killed me 😂',
    'this cake is to die for',
    "I'd kill for a coffee right now",
    'your team is killing it this year',
    'dying to try the new flavor',
    'watch out for fake accounts using your name',
  ],
  post: ['', ' 🙂', '.', ' thanks', '!', ' 😍'],
};

/** "How do I …?" questions: the customer vocabulary of complaints, asked calmly. */
const FR_NEUTRAL_HOWTO: Spec = {
  label: 'neutral',
  lang: 'fr',
  pre: [
    'Comment faire pour ',
    'Est-il possible de ',
    'Je voudrais savoir comment ',
    'Bonjour, comment ',
    'Peut-on ',
    'Quelle est la procédure pour ',
    'Où puis-je ',
    'Est-ce que je peux ',
    'Bonjour, je souhaite ',
    'Combien de temps faut-il pour ',
    'C’est possible de ',
  ],
  core: [
    'résilier mon abonnement',
    'changer de forfait',
    'modifier ma commande',
    'suivre mon colis',
    'retourner un article',
    'obtenir une facture',
    'ouvrir un compte joint',
    'contacter le service client',
    'annuler ma réservation',
    'demander un remboursement',
    'faire jouer la garantie',
    'changer mon adresse de livraison',
    'payer en trois fois',
    'récupérer un colis en point relais',
    'activer ma nouvelle carte',
    'garder mon numéro en changeant d’opérateur',
    'déclarer un sinistre',
    'prendre rendez-vous avec un conseiller',
    'échanger une taille',
    'faire réparer mon téléphone',
    'mettre à jour mes coordonnées bancaires',
    'télécharger mes relevés',
    'transférer mon contrat d’électricité',
    'réserver un billet de train pour un enfant',
  ],
  post: [' ?', ' en ligne ?', ', merci d’avance', ' svp ?', ' ? Merci', ' 🙂'],
};

const EN_NEUTRAL_HOWTO: Spec = {
  label: 'neutral',
  lang: 'en',
  pre: [
    'How do I ',
    'Is it possible to ',
    'Hi, how can I ',
    'Can I ',
    'Where can I ',
    'What is the process to ',
    'How long does it take to ',
  ],
  core: [
    'cancel my subscription',
    'change my plan',
    'update my order',
    'track my package',
    'return an item',
    'get an invoice',
    'open a joint account',
    'reach customer service',
    'cancel my booking',
    'request a refund',
    'use the warranty',
    'change my delivery address',
    'pay in installments',
    'activate my new card',
    'keep my number when switching',
    'file an insurance claim',
  ],
  post: ['?', ' online?', ', thanks in advance', ' please?', '? Thanks', ' 🙂'],
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
  FR_UNHAPPY_SECTORS,
  EN_UNHAPPY_SECTORS,
  FR_THREAT_VEILED,
  EN_THREAT_VEILED,
  FR_TROLL_SARCASM,
  EN_TROLL_SARCASM,
  FR_NEUTRAL_QUESTIONS,
  EN_NEUTRAL_QUESTIONS,
  FR_NEUTRAL_HOWTO,
  EN_NEUTRAL_HOWTO,
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
