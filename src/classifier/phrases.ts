/**
 * Phrases as data. Each entry is a regular expression over a comment's folded words (lower case, no
 * accents, one space between words, texting expanded: see text.ts), with an example it must match and one
 * it must not; a unit test checks both. A hit is a feature whose weight the model learns (the kind, and the
 * entry itself): nothing here says how much a phrase counts. The kinds are also the cues shown to the CM.
 */
import type { CueKind } from '../shared/comment';

export interface Phrase {
  kind: CueKind;
  pattern: string;
  match: string;
  not: string;
}

const P = (kind: CueKind, pattern: string, match: string, not: string): Phrase => ({
  kind,
  pattern,
  match,
  not,
});

export const PHRASES: readonly Phrase[] = [
  // Knowing where someone is, doxxing, stalking, veiled warnings.
  P(
    'threat_location',
    'je (sais|connais|connait) ou (tu|vous|il|elle) (habite|habites|habitez|vis|vit|vivez|travaille|travailles|travaillez|gare|gares|dors|bosse|bosses)\\w*',
    'Je sais où tu habites',
    'Je sais où se trouve votre agence ?',
  ),
  P(
    'threat_location',
    '(on|nous|je) (sait|savons|sais|connait|connaissons|connais|a|avons|ai) (ton|ta|tes|votre|vos|son|sa|ses) (adresse|domicile|plaque|photo|photos|numero|maison|appart|ecole)',
    'on connaît ton adresse',
    'je connais votre site web',
  ),
  P(
    'threat_location',
    'l adresse (de|du) (ta|ton|votre|sa|son|la|le) (mere|pere|femme|mari|famille|fille|fils|patron|cm|gosse)',
    "Je connais l'adresse de ta mère",
    "l'adresse de la boutique est sur le site",
  ),
  P(
    'threat_location',
    '(i|we) (know|found|got|have) (where )?(you|your|ur|u|he|she|they|the cm|the ceo) ?(live|lives|work|works|park|parks|address|kids|family|home|house|car|wife|husband)',
    'We know where you live',
    'I know where your store is located',
  ),
  P(
    'threat_location',
    '(t attend|attend|attends|attendons|attendra|attendrai) (a|devant|dehors|en bas|a la) ?(la )?(sortie|parking|boulot|bureau|maison|chez toi|agence)',
    "Je t'attends à la sortie",
    "j'attends la sortie du nouveau modèle",
  ),
  P(
    'threat_location',
    '(see|meet|wait for|waiting for|catch) (you|u|ya) (outside|after work|in the parking|at your|in the car park|when you leave|tonight)',
    'see you outside after work',
    'see you at the concert',
  ),
  P(
    'threat_location',
    '(fais|faites|fait|faudrait faire|watch) (gaffe|attention|your back) (a toi|a vous|en sortant|quand tu|quand vous|le soir|ce soir|ou tu|your back)?',
    'Fais gaffe en sortant du boulot',
    'Faites attention à la marche',
  ),
  P(
    'threat_location',
    '(ce serait|ca serait|it would be|would be a) (dommage|shame|pity) (qu il|que|si|if) (arrive|t arrive|vous arrive|something|anything|quelque chose)',
    "Ce serait dommage qu'il arrive quelque chose à ta boutique",
    'ce serait dommage de rater la promo',
  ),
  P(
    'threat_location',
    '(vos|tes|ses|your|his|her) (enfants|gosses|kids|children|filles|fils|daughter|son) (vont|sortent|rentrent|go|leave|walk|finissent|finish)',
    'tes gosses sortent de l’école à 16h30',
    'mes enfants vont adorer',
  ),
  P(
    'threat_location',
    '(publier|balancer|poster|leak|post|publish|share) (ton|ta|tes|votre|vos|his|her|your|their) (adresse|numero|photo|address|number|home address|phone)',
    'je vais balancer ton adresse partout',
    'pouvez-vous publier les horaires',
  ),
  // Threat wording that needs no violent verb.
  P(
    'threat',
    '(ca|cela|tout ca) (va|vas|risque de|finira) (mal finir|mal se terminer|finir mal|saigner|chauffer pour vous|se regler)',
    'ça va mal finir pour vous',
    'le film finit mal',
  ),
  P(
    'threat',
    '(vous allez|tu vas|tu va|vous aller) (le )?(regretter|payer|voir ce qui|comprendre ta douleur|morfler|prendre cher|deguster)',
    'vous allez le regretter',
    'vous allez voir la différence',
  ),
  P(
    'threat',
    '(you ll|you will|you re going to|youll|you gonna|you are going to) (regret|pay for|be sorry|get what s coming|find out)',
    "you'll regret this",
    'you will find our store on the left',
  ),
  P(
    'threat',
    '(see|watch) what happens (to|when|if)',
    'keep deleting and see what happens to your office',
    'see what happens next season',
  ),
  P(
    'threat',
    '(a|one) (bomb|bombe|explosif|explosive|grenade|molotov|cocktail molotov)|(bombe|bomb|molotov) (dans|in|under|sous)',
    "c'est une bombe dans la boutique",
    'cette promo est une bombe',
  ),
  P(
    'threat',
    '(il y aura|y aura|there will be|there ll be) (du sang|des morts|blood|bodies|victimes|casualties)',
    'il y aura du sang',
    'il y aura du monde',
  ),
  P(
    'threat',
    '(tu|vous) (parleras|parlerez|parlera|vivras|vivrez|marcheras|marcherez) (plus|pas) (jamais|longtemps)',
    'tu parleras plus jamais',
    'tu parleras plus fort stp',
  ),
  P(
    'threat',
    '(tu|t|vous|you) (es|etes|are|re) (un homme mort|des hommes morts|une femme morte|dead|a dead man|mort|morts)(?! de rire)',
    "t'es un homme mort",
    'vous êtes morts de rire',
  ),
  P(
    'threat',
    '(your|ta|tes|vos|votre) (days are numbered|jours sont comptes)',
    'your days are numbered',
    'les jours de promo sont comptés',
  ),
  P(
    'threat',
    '(next time|la prochaine fois) (it won t be|ce ne sera pas|c est pas|ce sera pas) (a|un) (comment|commentaire|tweet|message)',
    "La prochaine fois c'est pas un commentaire",
    'la prochaine fois je commande ailleurs',
  ),
  P(
    'threat',
    '(i|we|je|on) (ll |will |vais |va |allons )?(come|coming|come down|venir|viens|vient|debarquer|passer|passerai|passera) (to|a|at|chez|dans|au|with|avec) (your|ta|ton|votre|vos|mes potes|my boys|des potes|friends)',
    'je vais passer à ton agence avec des potes',
    'je vais passer à la boutique demain',
  ),
  P(
    'threat',
    '(regler|reglera|reglerai|reglerons|regle) (son|ton|votre|leur) compte',
    'on va lui régler son compte',
    'je vais régler mon compte',
  ),
  // Weapons.
  P(
    'weapon',
    '(couteau|couteaux|flingue|flingues|kalash|kalach|kalachnikov|fusil|pistolet|arme|armes|batte|machette|knife|knives|gun|guns|rifle|shotgun|pistol|bat|machete|emoweapon|emogun|emobomb)',
    'je viens avec mon couteau 🔪',
    'le modèle arrive en couleur gris',
  ),
  // Violent words without a threat structure (learned, never decisive by themselves).
  P(
    'violence',
    '(tuer|tue|crever|massacre|buter|frapper|cogner|bruler|cramer|kill|killing|murder|shoot|stab|burn|hang|die|mort|meurs|meurt|creve|sang|blood)',
    'je vais crever de chaud',
    'je vais craquer pour la promo',
  ),
  // Figures of speech that sound violent.
  P(
    'figure_of_speech',
    '(ce|ces|le|les|ca|cela|vos|tes|this|these|that|it) \\w* ?(me tue|me tuent|m achevent|m acheve|kills me|killing me|is killing me|are killing me)',
    'Ce prix me tue',
    'je vais te tuer',
  ),
  P(
    'figure_of_speech',
    '(une|un|c est une|c est un) (tuerie|massacre|carnage|bombe|dinguerie|boucherie)( ce| cette| ces|$| !| emo\\w*)',
    'une tuerie ce burger',
    'un massacre de notre équipe',
  ),
  P(
    'figure_of_speech',
    '(killing it|killed it|kill it|slayed|slaying|slay|crushed it|crushing it|nailed it|smashed it|bombed|murdered it|killer deal|killer price)',
    'you guys are killing it',
    'I will kill you',
  ),
  P(
    'figure_of_speech',
    '(i d|i would|i ll|je) (kill|tuerais|tuer) (for|pour) (that|this|ca|un|une|des|le|la|les)',
    "I'd kill for that jacket",
    'I would kill you for that',
  ),
  P(
    'figure_of_speech',
    '(mort|morte|morts|mourir|meurs|died|dying|dead|dead ?ass) de (rire|rires)|(mort|morte|died|dying|dead) (emolaugh|lol|mdr|ptdr)|(i m|im|i am) (dying|dead) (emolaugh|lol|lmao)?',
    'je suis mort de rire',
    'il est mort hier',
  ),
  P(
    'figure_of_speech',
    '(explose|exploser|explosé|eclate|eclater|pete|peter|exploded|cracking) (de rire|de rire|le score|les scores|les compteurs|up)',
    "j'ai explosé de rire",
    'je vais exploser ta boutique',
  ),
  P(
    'figure_of_speech',
    '(on va|nous allons|we re gonna|we will|we ll|on vas) (les|them) (ecraser|detruire|manger|atomiser|defoncer|destroy|crush|smash|bury|kill|murder|eat)',
    'on va les écraser samedi',
    'on va vous écraser',
  ),
  P(
    'figure_of_speech',
    '(vous etes|t es|tu es|you re|you are|your team is) (des|un|une|a|an|the)? ?(tueurs|tueur|killers|killer|monstres|beasts|beast|machine|machines|fous|dingues)',
    'vous êtes des tueurs',
    'je vais te tuer',
  ),
  P(
    'figure_of_speech',
    '(je vais|jvais|i m gonna|im gonna|i m going to) (craquer|fondre|exploser mon budget|splurge|lose it|die) (pour|for|sur|when|if|emolaugh)?',
    'je vais craquer pour la promo',
    'je vais vous frapper',
  ),
  // Insults, profanity, hate.
  P(
    'insult',
    '(connard\\w*|connasse\\w*|con|cons|conne|abruti\\w*|debile\\w*|cretin\\w*|idiot\\w*|imbecile\\w*|encul\\w*|salope\\w*|salaud\\w*|pute\\w*|fils de pute|fdp|ta gueule|ferme ta gueule|ftg|tg|ntm|nique ta mere|nique ta race|nique\\w*|va te faire foutre|allez vous faire foutre|va te faire enculer|vtff|bouffon\\w*|guignol\\w*|clown\\w*|emoclown|minable\\w*|pathetique\\w*|tocard\\w*|blaireau\\w*|batard\\w*|enfoire\\w*|ordure\\w*|raclure\\w*|dechet\\w*|attarde\\w*|teube\\w*|cassos|gros porc|sale porc|porc|sous merde|merdeux\\w*|grognasse\\w*|pouffiasse\\w*|trou du cul|trouduc|tete de con|sombre merde|gland|boloss|bolos|nuls|nul a chier|daube|camelote|t es nul\\w*|vous etes nul\\w*|t es con\\w*|creve en enfer|creve en enfer|bande de nuls|bande de cons|bande de clowns|bande d incapables|bande d escrocs|bande de voleurs|incapables|emofinger|emopoop|emovomit)',
    'Espèce de connard, bande de guignols',
    'le guichet était fermé',
  ),
  P(
    'insult',
    '(loser\\w*|rot in hell|burn in hell|moron\\w*|stupid\\w*|dumb\\w*|dumbass\\w*|asshole\\w*|bitch\\w*|bastard\\w*|jerk\\w*|scum\\w*|douche\\w*|douchebag\\w*|dickhead\\w*|dick|prick\\w*|cunt\\w*|twat\\w*|wanker\\w*|motherfucker\\w*|fuck you|fuck u|fuck off|fuck yourself|screw you|stfu|shut up|shut the fuck up|go to hell|piece of shit|pos|suck my|you suck|u suck|ugly|fat|whore\\w*|slut\\w*|hoe|hoes|trash|garbage|pathetic\\w*|clowns|imbecil\\w*|ignorant\\w*|hypocrite\\w*)',
    'you useless dumbass, shut up',
    'I used the app yesterday',
  ),
  P(
    'insult',
    'espece (de|d)|(malade|attarde|debile|handicape|retarde) (mental|mentale|mentaux)|pauvre (con|conne|type|fille|mec|tache|naze|idiot|idiote|abruti|abrutie|debile|merde|cloche|imbecile|cretin|cretine|minable)|(gros|grosse) (con|conne|porc|lard|tas|debile|naze|bouffon|connard|connasse|vache|truie|merde|beauf)|tete de (con|noeud|cul|mort|gland)|fils de (chien|chienne)|(sac|face) (a|de) (merde|rat|pet|cul|foutre)',
    'pauvre con',
    'pauvre de moi',
  ),
  P(
    'profanity',
    '(merde|de merde|putain|ptn|bordel|chier|fait chier|foutre|foutage de gueule|se foutre de la gueule|fuck|fucking|fucked|fck|fk|shit\\w*|bullshit|crap\\w*|damn|wtf|hell|pissed|bs|emoangry)',
    'Putain de merde',
    'le conseiller était top',
  ),
  P(
    'hate',
    '(bougnoul\\w*|negro|negre\\w*|youpin\\w*|bicot\\w*|raton\\w*|chinetoqu\\w*|bride|tarlouz\\w*|pede|pedes|pd|pedale|gouine\\w*|sale arabe|sale arabes|sale juif|sales juifs|sale noir|sales noirs|sale musulman|sales musulmans|sale pede|sale race|ching chong|chinetoque\\w*|niakoue\\w*|sous race|macaque|mongol\\w*|triso\\w*|nigger\\w*|nigga\\w*|faggot\\w*|fag|fags|kike\\w*|spic|spics|chink\\w*|tranny|trannies|dyke\\w*|wetback\\w*|raghead\\w*|towelhead\\w*|retarded|sand nigger\\w*|paki|pakis|go back to your country|rentre chez toi|rentrez chez vous)',
    'sale arabe',
    'je rentre chez moi ce soir',
  ),
  P(
    'hate',
    '(les|ces|des|sales|tous les|toutes les) (arabes|noirs|negres|juifs|musulmans|musulmanes|migrants|immigres|immigrants|africains|roms|gitans|asiatiques|chinois|blacks|rebeus|renois|maghrebins|algeriens|marocains|tunisiens|turcs|bougnoules|homos|gays|pedes|lesbiennes|trans|refugies|etrangers|clandestins|feministes)(?: \\w+){0,3} (sont|ce sont|c est|restent|seront)(?: \\w+){0,3} (voleurs|violeurs|sauvages|barbares|animaux|singes|parasites|terroristes|criminels|delinquants|racailles|chiens|rats|cafards|vermine|faineants|assistes|sous hommes|inferieurs|degeneres|porcs|ordures|dechets|envahisseurs|nuisibles|malades|une plaie|un cancer|la gangrene)',
    'les migrants sont tous des parasites',
    'les migrants arrivent en gare',
  ),
  P(
    'hate',
    '(the|these|those|all|all the|fucking|dirty|filthy) (blacks|jews|muslims|immigrants|mexicans|arabs|asians|gays|refugees|illegals|migrants|africans|feminists|chinese|indians|pakis|trannies)(?: \\w+){0,3} (are|r|is|remain|will always be)(?: \\w+){0,3} (animals|savages|criminals|rapists|terrorists|parasites|vermin|subhuman|scum|trash|apes|monkeys|dogs|rats|cockroaches|disgusting|inferior|invaders|filth|garbage|pigs|diseased|degenerates|a cancer|a plague|a disease)',
    'these immigrants are all criminals',
    'these immigrants are my neighbours',
  ),
  P(
    'hate',
    'grand remplacement|remigration|la france aux francais|race inferieure|vermine|racaille\\w*|envahisseurs|subhuman\\w*|vermin|dehors les (arabes|noirs|juifs|musulmans|migrants|immigres|etrangers|bougnoules|roms|gitans)|retourne\\w* (dans ton pays|chez toi|au bled|en afrique|dans ta jungle|dans ton desert|dans ton pays de merde)|rentre\\w* (au bled|en afrique|dans ton pays|dans ta jungle)|sous (homme|hommes)|go back to (africa|mexico|your country|where you came from|your shithole)|deport (them|all of them|them all)|white (power|pride worldwide)|(white genocide|great replacement)',
    'retourne dans ton pays',
    'je retourne au magasin demain',
  ),
  // Mockery and sarcasm.
  P(
    'mockery',
    '(emolaugh|emoclown|emoeyeroll|mdr|ptdr|lol|lmao|lmfao|rofl|xptdr|hahaha|hahah|ahahah|ahah|haha|jpp|mdrrr)',
    'mdr vous êtes sérieux',
    'merci pour la réponse',
  ),
  P(
    'sarcasm',
    '(bravo|felicitations|chapeau|genial|magnifique|super|quel talent|quelle efficacite|bien joue|belle performance|well done|congrats|congratulations|great job|amazing|impressive|brilliant|genius|stellar|top notch) .{0,60}(encore|again|toujours|always|jamais|never|emoeyeroll|emoclown|pour rien|for nothing)',
    'Bravo, encore une panne, quel talent 👏',
    'Félicitations pour vos 50 ans, livré en 2 jours 👏',
  ),
  P(
    'sarcasm',
    '(merci pour rien|merci de rien|thanks for nothing|thanks a lot for nothing|on vous dit merci|quelle surprise|what a surprise|who could have guessed|qui l eut cru|comme d hab|comme d habitude|as usual|same as always|classic|du grand art|du grand n importe quoi|slow clap)',
    'Merci pour rien',
    'merci pour votre aide',
  ),
  // Complaints by topic (the reply templates follow these topics).
  P(
    'complaint_delivery',
    '(colis|livraison|livre|livree|livrer|livreur|commande|paquet|suivi|point relais|relais|parcel|package|delivery|delivered|deliver|courier|tracking|shipment|shipping|order) .{0,50}(pas|jamais|toujours|perdu|perdue|retard|bloque|bloquee|never|not|lost|late|missing|stuck|wrong|damaged|abime|abimee|casse|cassee|vide)|(pas|jamais|toujours pas|never|not|still not|still haven t) (recu|recue|arrive|arrivee|livre|livree|received|arrived|delivered|got)',
    'ma commande est toujours pas arrivée',
    'la livraison est gratuite dès 30 €',
  ),
  P(
    'complaint_billing',
    '(facture|factures|facturation|facture deux fois|preleve|prelevement|prelevements|debite|debit|surfacture|frais|montant|tarif|abonnement|bill|billing|billed|charged|charge|overcharged|double charged|fee|fees|invoice|subscription) .{0,40}(deux fois|double|trop|erreur|faux|fausse|injustifie|injustifies|abusif|abusifs|sans|incomprehensible|wrong|twice|again|extra|error|without|hidden|unauthorized|still)',
    'prélevé deux fois ce mois-ci',
    'le tarif est affiché sur le site',
  ),
  P(
    'complaint_outage',
    '(panne|pannes|coupure|coupe|coupee|plus de reseau|pas de reseau|plus d internet|pas d internet|plus d electricite|plus de courant|plus de gaz|plus d eau|ne marche plus|marche pas|fonctionne plus|fonctionne pas|bug|bugs|beug|plante|crash|crashes|down|outage|no signal|no internet|no service|no power|not working|doesn t work|isn t working|stopped working|keeps crashing|can t connect|cannot connect|deconnecte|serveurs|servers|lag|latence)',
    'plus de réseau depuis hier',
    'le réseau des boutiques s’agrandit',
  ),
  P(
    'complaint_refund',
    '(rembourse|remboursement|remboursements|rembourser|avoir|geste commercial|refund|refunds|refunded|reimburse|reimbursement|money back|chargeback|compensation|indemnisation|indemnise|dedommagement)',
    'j’attends mon remboursement',
    'le nouveau catalogue est sorti',
  ),
  P(
    'complaint_account',
    '(compte|espace client|identifiant|identifiants|mot de passe|mdp|carte|carte bancaire|cb|acces|account|login|log in|password|locked|blocked|bloque|bloquee|suspendu|suspended|banned|ban|pirate|hacked|hack)',
    'mon compte est bloqué',
    'merci pour le concours',
  ),
  P(
    'complaint_delay',
    '(retard|retards|en retard|annule|annulee|annules|supprime|supprimee|quai|correspondance|attente|attendre|j attends|on attend|ca fait|semaines|jours|heures|mois|delay|delayed|late|cancelled|canceled|waiting|hours|weeks|days|months|still waiting|stuck)',
    "ça fait trois semaines que j'attends",
    "On peut envoyer le relevé depuis l'application ?",
  ),
  P(
    'complaint_shop',
    '(en boutique|en magasin|en agence|au guichet|a l accueil|au comptoir|la vendeuse|le vendeur|le conseiller|la conseillere|le guichetier|l agent|le personnel|vos employes|in store|in the store|at the counter|the cashier|the staff|your staff|the clerk|the agent|the manager)',
    "la vendeuse en boutique m'a mal parlé",
    'je vous souhaite une bonne année',
  ),
  P(
    'complaint_product',
    '(casse|cassee|casses|defectueux|defectueuse|defaut|abime|abimee|deteriore|ne s allume|s allume plus|tombe en panne|mauvaise qualite|qualite|perime|perimee|broken|defective|faulty|damaged|cracked|stopped|poor quality|cheap|expired|ripped|torn|leaking|fuite|moisi|moldy)',
    'le produit est arrivé cassé',
    'je vais te casser la gueule',
  ),
  P(
    'complaint_service',
    '(service client|sav|hotline|serveur vocal|personne ne repond|aucune reponse|pas de reponse|sans reponse|ne repond|repondez|injoignable|raccroche|customer service|customer support|support team|no answer|no response|nobody answers|no one answers|hung up|on hold|chatbot|ignore|ignoring|ignored|reply to my|answer my|respond to my)',
    'votre service client ne répond jamais',
    'le service de presse',
  ),
  P(
    'leaving',
    '(resilier|resilie|resiliation|je me casse|je pars chez|je change de|changer d operateur|je quitte|cancel my|cancelling my|canceling my|switching to|switch to|leaving for|closing my account|fermer mon compte|cloturer)',
    'je vais résilier',
    'je reste fidèle',
  ),
  P(
    'legal_action',
    '(plainte|porter plainte|avocat|avocats|tribunal|justice|mediateur|ufc|que choisir|dgccrf|60 millions|huissier|mise en demeure|lawyer|lawyers|attorney|sue|suing|lawsuit|court|small claims|ombudsman|regulator|bbb|trading standards|ftc|report you to)',
    'je vais porter plainte',
    'je vais porter mon colis',
  ),
  P(
    'dissatisfaction',
    '(nul|nulle|nuls|honteux|honteuse|honte|scandaleux|scandale|inadmissible|inacceptable|lamentable|catastrophique|catastrophe|n importe quoi|decu|decue|decus|degoute|degoutee|marre|ras le bol|j en ai marre|arnaque|arnaqueurs|foutage de gueule|se fout de|galere|jamais plus|plus jamais|deplorable|terrible|awful|horrible|disgusting|disgraceful|unacceptable|ridiculous|joke|scam|scammed|rip off|ripoff|worst|disappointed|fed up|sick of|tired of|frustrating|frustrated|never again|shameful|appalling)',
    'service lamentable',
    'merci beaucoup',
  ),
  P(
    'inquiry',
    '^ ?(bonjour|salut|hello|hi|hey|bonsoir)? ?(est ce que|est ce qu|comment|pourquoi|quand|ou|combien|quel|quelle|quels|quelles|qui|savez vous|pouvez vous|peut on|puis je|y a t il|vous savez|how|why|when|where|what|which|who|can i|can you|could you|is there|are there|do you|does|will|is it|anyone know)',
    'Bonjour, est-ce que la boutique est ouverte dimanche ?',
    'Vous êtes nuls',
  ),
  P(
    'praise',
    '(merci|bravo|super|top|genial|geniale|excellent|excellente|parfait|parfaite|j adore|adore|trop bien|trop bon|au top|bonne continuation|felicitations|tres bon|tres bien|rapide|efficace|thank you|thanks|thx|love|loved|great|awesome|amazing|excellent|perfect|fantastic|wonderful|best|good job|well done|emolove|emoheart|emostar)',
    'Merci, super service !',
    'service lamentable',
  ),
  // Ported from the first release's hand-tuned lexicon: its phrase groups, now features whose weights
  // are learned (entries are regular expressions; a group that helps nowhere gets a weight near zero).
  P(
    'threat',
    'je vais te(?: \\w+){0,3} tuer|je vais te(?: \\w+){0,3} buter|je vais te(?: \\w+){0,3} crever|je vais te(?: \\w+){0,3} egorger|je vais te(?: \\w+){0,3} planter|je vais te(?: \\w+){0,3} fumer|je vais te(?: \\w+){0,3} retrouver|je vais te(?: \\w+){0,3} defoncer|je vais te(?: \\w+){0,3} massacrer|je vais te(?: \\w+){0,3} bruler|je vais te(?: \\w+){0,3} saigner|je vais te(?: \\w+){0,3} egorg\\w*|je vais te(?: \\w+){0,3} decapit\\w*|je vais te(?: \\w+){0,3} casser la gueule|je vais te(?: \\w+){0,3} faire la peau|je vais te(?: \\w+){0,3} eclater|je vais vous(?: \\w+){0,3} tuer|je vais vous(?: \\w+){0,3} buter|je vais vous(?: \\w+){0,3} retrouver|je vais vous(?: \\w+){0,3} egorg\\w*|je vais vous(?: \\w+){0,3} crever|je vais vous(?: \\w+){0,3} faire la peau|on va te(?: \\w+){0,3} tuer|on va te(?: \\w+){0,3} buter|on va te(?: \\w+){0,3} retrouver|on va te(?: \\w+){0,3} crever|on va te(?: \\w+){0,3} faire la peau|on va te(?: \\w+){0,3} egorg\\w*|on va te(?: \\w+){0,3} defoncer|on va vous(?: \\w+){0,3} tuer|on va vous(?: \\w+){0,3} buter|on va vous(?: \\w+){0,3} retrouver|on va vous(?: \\w+){0,3} faire la peau|on va vous(?: \\w+){0,3} bruler|je te(?: \\w+){0,3} tue|je te(?: \\w+){0,3} bute|je vous(?: \\w+){0,3} tue|je vous(?: \\w+){0,3} bute|je te retrouverai|je vous retrouverai|on te retrouvera|on vous retrouvera|on te trouvera|je vais te trouver|je vais venir chez toi|on va venir chez toi|on va venir chez vous|je viens chez toi|on vient chez toi|je sais ou tu habites|je sais ou tu vis|on sait ou tu habites|on sait ou tu vis|on sait ou vous habitez|je sais ou vous habitez|nous savons ou tu habites|nous savons ou vous habitez|je connais ton adresse|on connait ton adresse|je connais votre adresse|on connait votre adresse|on a ton adresse|j ai ton adresse|voici son adresse|voici ton adresse|voila son adresse|son adresse c est|il habite au \\d+|elle habite au \\d+|tu habites au \\d+|t es mort|t es un homme mort|tu es mort|tu es un homme mort|vous etes morts|vous etes mort|tu vas crever|tu vas mourir|vous allez crever|vous allez mourir|tu vas le payer|vous allez le payer|tu vas le regretter|vous allez le regretter|fais gaffe a toi|faites gaffe a vous|gare a toi|surveille tes arrieres|une balle dans la tete|une balle dans ta tete|mettre le feu a(?: \\w+){0,3} magasin\\w*|je vais mettre le feu|on va mettre le feu|on va tout bruler|on va bruler|faire sauter(?: \\w+){0,3} magasin\\w*|faire sauter(?: \\w+){0,3} siege|je vais faire sauter|on va faire sauter|poser une bombe|je vais t attendre a la sortie|on t attend a la sortie|on va s occuper de toi|on va s occuper de ta famille|je m occuperai de toi|ta famille va payer|tes enfants vont payer|je vais te violer|je vais la violer|tu merites de mourir|tu merites la mort|meritent la mort|meritent de mourir|a mort(?: \\w+){0,3} ceo|je vais te tordre le cou|je vais t egorger|je vais te trancher|je vais te niquer ta race|tu vas voir ce qui va t arriver|ce qui va t arriver|ce qui va vous arriver|tu vas voir|vous allez voir|tu vas le sentir passer|tu vas comprendre ta douleur|on va venir(?: \\w+){0,3} rendre visite|on va vous rendre visite|on va te rendre visite|je vais te rendre visite|je vais vous rendre visite|fais attention a toi|faites attention a vous|fais attention quand tu rentres|quand tu rentres chez toi|en rentrant chez toi|on sait qui tu es|je sais qui tu es|on va te faire la misere|tu ne perds rien pour attendre|tu perds rien pour attendre|vous ne perdez rien pour attendre|ca va mal finir pour toi|ca va mal finir pour vous|ca va mal se terminer|on va s occuper de ton cas|s occuper de ton cas|tu vas comprendre|on va tout casser|tout casser dans(?: \\w+){0,3} magasin\\w*|on sait ou(?: \\w+){0,3} vit|on sait ou(?: \\w+){0,3} habite\\w*|je sais ou(?: \\w+){0,3} vit|je sais ou(?: \\w+){0,3} habite\\w*|le jour ou je te trouve|le jour ou je te croise|si je te croise|si je te chope|si je te trouve|quand je te croise|attention a toi|tu vas morfler|vous allez morfler|je vais t exploser|je vais t eclater|je connais ta voiture|on connait ta voiture|je sais ou tu travailles|on sait ou tu travailles|je sais ou tu te gares|je sais ou sont tes enfants|je connais l ecole de tes enfants|un accident est vite arrive|un accident est si vite arrive|ce serait dommage qu il t arrive|qu il t arrive quelque chose|prie pour que je ne te trouve pas|prie pour que je te trouve pas|tu finiras dans un fosse|finir dans un fosse|tu vas finir(?: \\w+){0,3} hopital|tu vas finir(?: \\w+){0,3} cercueil|tu vas finir(?: \\w+){0,3} fosse|cercueil|dors avec un oeil ouvert|tu ferais mieux de faire attention|tu vas payer|vous allez payer|tu vas me le payer|vous allez me le payer|dernier avertissement|attends toi a une visite|merites une balle|merite une balle|meritent une balle|une balle|attendez vous a une visite|je sais ou se trouve ton|on sait ou se trouve ton|je sais ou se trouve votre|on sait ou se trouve votre|expect a visit|deserve a bullet|deserves a bullet|expect a little visit|i will(?: \\w+){0,3} kill you|i ll(?: \\w+){0,3} kill you|ill(?: \\w+){0,3} kill you|im going to(?: \\w+){0,3} kill you|i m going to(?: \\w+){0,3} kill you|i am going to(?: \\w+){0,3} kill you|gonna(?: \\w+){0,3} kill you|going to kill you|i will kill u|i ll kill u|kill you all|i will(?: \\w+){0,3} find you|i ll(?: \\w+){0,3} find you|we will(?: \\w+){0,3} find you|we ll(?: \\w+){0,3} find you|going to find you|gonna find you|i will hunt you down|hunt you down|track you down|i know where you live|we know where you live|i know where u live|we know where u live|know where your family lives|i know your address|we know your address|we have your address|i have your address|here is his address|here is her address|his address is|her address is|your address is|he lives at \\d+|she lives at \\d+|you live at \\d+|watch your back|you re dead|youre dead|you are dead|you re a dead man|you are a dead man|dead man walking|your days are numbered|you will die|you re going to die|you are going to die|you will pay for this|you ll pay for this|i will hurt you|i ll hurt you|beat you up|beat the shit out of you|i will(?: \\w+){0,3} shoot you|i ll(?: \\w+){0,3} shoot you|gonna(?: \\w+){0,3} shoot you|going to(?: \\w+){0,3} shoot you|i will(?: \\w+){0,3} stab you|i ll(?: \\w+){0,3} stab you|gonna(?: \\w+){0,3} stab you|put a bullet in|bullet in your head|slit your throat|cut your throat|burn down your|burn your(?: \\w+){0,3} down|blow up your|blow up the|bomb your|come to your house|coming to your house|show up at your house|see you outside|waiting for you outside|i will rape|i ll rape|should be executed|should be shot|deserve to die|deserves to die|i will murder|i ll murder|gonna murder|i will destroy you|i ll end you|your family will pay|i will find where you live|i will make you suffer|you will suffer|i ll break your|you ll see what happens|you will regret this|you ll regret this|you re going to regret|we know who you are|i know who you are|be careful walking home|see you soon|if i see you|when i find you|the day i find you|i know where(?: \\w+){0,3} lives|we know where(?: \\w+){0,3} lives|know where your kids|i know where you work|sleep with one eye open|would be a shame if|shame if something happened|something bad will happen|accidents happen|pray i don t find you|pray that i don t find you|i know your car|i know what car you drive|end up in a ditch|end up in the hospital|coffin|you better watch out|you re gonna pay|you re going to pay|gonna pay for it|going to pay for it|last warning|final warning|hope your head gets|we know where you work|i will break your',
    'je vais te tuer',
    'je vais te répondre demain',
  ),
  P(
    'incitement',
    'va te pendre|va te tuer|va crever|crevez tous|suicide toi|tue toi|kill yourself|kys|go die|go kill yourself|hang yourself|drink bleach|someone should kill|quelqu un devrait le tuer|il faut les tuer|faut les buter|should all die|hope you die|hope(?: \\w+){0,3} die\\w*|wish(?: \\w+){0,3} would die|don t deserve to live|dont deserve to live|do not deserve to live|qu il creve|qu ils crevent|coming after you|coming for you|come for you|come after you|come find you|find out where you live|i ll come and|i will come and|j espere que tu vas crever|j espere que tu creves|j espere que vous allez crever',
    'va te pendre',
    'va te reposer un peu',
  ),
  // A street address alone is what a customer or a resident gives to locate a problem ("the streetlight
  // outside 40 Birchfield Avenue"): a learned feature, not a sign of knowing where someone lives.
  P(
    'street_address',
    '\\d+ rue|\\d+ bis rue|\\d+ avenue|\\d+ av|\\d+ boulevard|\\d+ bd|\\d+ allee|\\d+ impasse|\\d+ chemin|\\d+ place|\\d+ quai|\\d+ route|\\d+ residence|\\d+(?: \\w+){0,3} street|\\d+(?: \\w+){0,3} st|\\d+(?: \\w+){0,3} avenue|\\d+(?: \\w+){0,3} ave|\\d+(?: \\w+){0,3} road|\\d+(?: \\w+){0,3} rd|\\d+(?: \\w+){0,3} lane|\\d+(?: \\w+){0,3} drive|\\d+(?: \\w+){0,3} blvd',
    'le lampadaire du 12 rue Carnot',
    'la rue du Moulin est fermée depuis lundi',
  ),
  P(
    'threat_location',
    'tu habites|il habite|elle habite|vous habitez|ton adresse|son adresse|sa maison|ton domicile|son domicile|his address|her address|your address|home address|(your|his|her|their|ton|ta|son|sa) (home|house|real|work|office) address|(found|got|have|know) (your|his|her|their) (home|house|address|workplace|real name|license plate|plate number)|(on|j|je|nous) (a|ai|avons) (trouve|retrouve) (ton|ta|tes|votre|vos|son|sa|ses) (adresse|domicile|maison|vrai nom|lieu de travail|plaque)|(found|find) out where (you|he|she|they) (live|lives|work|works)|(i|we) know where (you|he|she|they) (work|works|sleep|sleeps|park|parks|go to school)|(je|on|nous) (sait|sais|savons) ou (tu|vous|il|elle) (travailles|travaillez|travaille|bosses|bossez|bosse|dors|dormez|dort|te gares|vous garez|se gare)|(je|on|nous) (sait|sais|savons|connait|connais|connaissons) (a quelle heure|quand) (tu|vous|il|elle) (sors|sortez|sort|finis|finissez|finit|rentres|rentrez|rentre|pars|partez|part)|(i|we) know (what time|when) (you|he|she) (leave|leaves|get off|gets off|finish|finishes|go home|goes home)|lives at|you live|he lives|she lives|pay him a visit|pay her a visit|pay you a visit|rendre visite|numero de telephone|phone number is',
    'je sais où elle habite',
    'nous habitons à deux rues de votre agence',
  ),
  P(
    'violence',
    'tuer|buter|egorg\\w*|bombe|attentat|kalash\\w*|flingue|kill|murder|shoot|stab|bomb|gun|emoweapon|couteau|knife|arme|fusil|die|crever|violer|rape',
    'je vais le tuer',
    'je vais dormir',
  ),
  P(
    'complaint_delivery',
    'toujours pas recu\\w*|toujours rien recu|jamais recu\\w*|pas recu\\w*|rien recu|n ai rien recu|toujours pas arrive\\w*|jamais arrive\\w*|pas arrive\\w*|toujours pas livre\\w*|jamais ete livre\\w*|pas ete livre\\w*|jamais ete livre|commande(?: \\w+){0,3} annule\\w*|commande(?: \\w+){0,3} perdu\\w*|colis(?: \\w+){0,3} perdu\\w*|colis perdu|colis(?: \\w+){0,3} bloque\\w*|commande(?: \\w+){0,3} bloque\\w*|colis(?: \\w+){0,3} vide|colis(?: \\w+){0,3} abime\\w*|commande incomplete|article manquant|articles manquants|il manque|ne correspond pas|ne correspond pas a la description|pas conforme|non conforme|livre\\w*(?: \\w+){0,3} voisin|sans prevenir|pas ce que j ai commande|trop petit\\w*|trop grand\\w*|trop court\\w*|renvoyer|renvoye\\w*|jamais venu\\w*|pas venu\\w*|jamais passe|pour rien|a lache|lache au bout|au bout de (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) jour\\w*|au bout de (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) semaine\\w*|au bout d une semaine|au bout de (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) mois|au bout de (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) utilisation\\w*|ne correspond a rien|pas ce qu on m avait promis|promis|comment vous me traitez|comment vous traitez|mauvaise experience|pas professionnel\\w*|aucun professionnalisme|occasion alors que|sent mauvais|pas celle de la photo|pas conforme a la photo|differente de la photo|different from the picture|not as pictured|bad experience|(worst|horrible|awful|horrendous|terrible) (experience|service|customer service|airline|company|flight) ever|terrible experience|unprofessional|after (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) uses|after (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) days|after one week|after a week|never showed up|didn t show up|no show|sans que personne ne|sans me prevenir|sans m avertir|sans explication|augmente\\w* sans|a augmente|augmentation|hausse|qualite a baisse|qualite(?: \\w+){0,3} baisse|baisse de qualite|s est troue|troue\\w*|jamais souscrit|pas souscrit|jamais demande|sans mon accord|sans autorisation|preleve\\w*|prelever|de retard|du retard|aucune info\\w*|aucune explication|abuse\\w*|abusif\\w*|without notice|without warning|without telling me|never signed up|didn t authorize|unauthorized|quality has gone down|quality went down|no information|no info|no explanation|no updates|rendu l ame|ne tient pas|je peux plus|je ne peux plus|peux plus me connecter|impossible de me connecter|can t log in|cannot log in|can t login|unable to log in|se renvoient la balle|personne ne sait|zero response|zero reply|with no response|emailed(?: \\w+){0,3} (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) times|called(?: \\w+){0,3} (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) times|contacted(?: \\w+){0,3} (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) times|contacte\\w*(?: \\w+){0,3} (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) fois|not what i ordered|not as described|doesn t match|erreur de commande|mauvais article|mauvaise taille|pas le bon|livre(?: \\w+){0,3} mauvaise adresse|livraison(?: \\w+){0,3} retard\\w*|en retard|retard de livraison|suivi(?: \\w+){0,3} bloque|suivi ne bouge pas|colis introuvable|commande introuvable|still not received|still haven t received|still havent received|still have not received|never received|never arrived|never got my|never delivered|not received|haven t received|havent received|have not received|hasn t arrived|hasnt arrived|has not arrived|didn t arrive|didnt arrive|did not arrive|not delivered|wasn t delivered|was not delivered|lost my package|lost package|package(?: \\w+){0,3} lost|order(?: \\w+){0,3} cancelled|order(?: \\w+){0,3} canceled|wrong item|wrong order|wrong size|missing item\\w*|item\\w*(?: \\w+){0,3} missing|package(?: \\w+){0,3} missing|package(?: \\w+){0,3} stolen|delivered to the wrong|late delivery|delayed|delay|cancelled flight\\w*|canceled flight\\w*|flight(?: \\w+){0,3} cancelled|flight(?: \\w+){0,3} canceled|lost(?: \\w+){0,3} luggage|lost(?: \\w+){0,3} bag\\w*|luggage(?: \\w+){0,3} lost|bag\\w*(?: \\w+){0,3} lost|missed(?: \\w+){0,3} connection',
    'toujours pas recu',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'complaint_delay',
    'toujours pas|toujours rien|depuis (hier|avant hier|ce matin|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|longtemps)|(had|have|has) to wait|waited|depuis (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) jour\\w*|depuis (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) semaine\\w*|depuis (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) mois|depuis (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) heure\\w*|depuis des semaines|depuis des mois|depuis des jours|depuis plus de (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)|ca fait (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) jour\\w*|ca fait (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) semaine\\w*|ca fait (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) mois|cela fait (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) jour\\w*|cela fait (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) semaine\\w*|j attends(?: \\w+){0,3} depuis|j attends toujours|j attends encore|on attend toujours|toujours en attente|en attente depuis|still waiting|still no|still not|still haven t|still havent|still have not|been waiting|waiting for (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) day\\w*|waiting for (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) week\\w*|waiting for (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) hour\\w*|for (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) day\\w*|for (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) week\\w*|for (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) month\\w*|for (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) hour\\w*|on hold|hours on hold|weeks later|days later|emowait|(?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) hours\\w*|(?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) hrs|(?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) hr|(?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) hour|(?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) minutes|(?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) mins|(?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) days|(?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) weeks|(?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) months|(?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) heures|(?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) jours|(?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) semaines|and counting|going on (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) months|it s been (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)|still sitting|still stuck|stuck on|stuck in|stuck at|stranded|heures d attente|minutes d attente|temps d attente|en attente|bloque\\w* depuis|coince\\w*|attente interminable|interminable\\w*|raccroche\\w*',
    'toujours pas',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'complaint_refund',
    'pas ete rembourse\\w*|toujours pas rembourse\\w*|jamais rembourse\\w*|remboursez moi|remboursez nous|je veux(?: \\w+){0,3} rembours\\w*|je demande(?: \\w+){0,3} rembours\\w*|money back|want my money|charged twice|double charged|charged me twice|overcharged|preleve\\w* deux fois|debite\\w* deux fois|facture\\w* deux fois|preleve\\w*(?: \\w+){0,3} sans|prelevement\\w*(?: \\w+){0,3} abusif\\w*|frais(?: \\w+){0,3} abusif\\w*|frais cache\\w*|hidden fee\\w*|unauthorized charge\\w*|chargeback|arnaque\\w*|escroquerie\\w*|scam\\w*|rip off|ripoff',
    'pas ete rembourse',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'complaint_service',
    'aucune reponse|pas de reponse|sans reponse|aucun retour|personne ne repond|personne ne rappelle|impossible de joindre|impossible de vous joindre|injoignable\\w*|ne repond\\w* pas|ne repond\\w* jamais|repondez|repondez moi|j ai appele|j ai appele (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) fois|appele (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) fois|relance\\w* (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) fois|plusieurs relances|mail\\w* sans reponse|reclamation\\w*|litige\\w*|no response|no reply|no answer|nobody answers|no one answers|no one is answering|never responded|never replied|never called back|hung up|called (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) times|emailed (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) times|can t reach|cant reach|can t get through|unable to reach|rude agent\\w*|rude staff|agent was rude|complaint\\w*|dm me|please help|help me|aidez moi|fix this|fix it|do better|faites quelque chose|no help|not getting any help|nobody is helping|no one is helping|no one to help|nobody helps|disconnected|call back|unhelpful|useless|refuse\\w*|refused to|won t refund|wont refund|compensat\\w*|voucher\\w*|claim|rebook\\w*|overbook\\w*|bumped|lost my|lost our|no bags|why can t i|why cant i|why can t you|why is it|how is it possible|can t believe|cannot believe|handled this|poorly handled|mishandled|fail|failed|epic fail|aucune aide|personne pour nous aider|personne pour m aider|personne ne m aide|on nous laisse|laisses en plan|livre a nous memes|indemnis\\w*|dedommag\\w*|geste commercial|impossible de|pourquoi je ne peux pas|pourquoi je peux pas|pourquoi vous ne|comment est ce possible|galere\\w*|mal gere\\w*|echec',
    'aucune reponse',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'complaint_product',
    'en panne|tombe en panne|ne fonctionne pas|ne fonctionne plus|fonctionne pas|fonctionne plus|ne marche pas|ne marche plus|marche pas|marche plus|casse\\w*|defectueu\\w*|defaut\\w*|abime\\w*|endommage\\w*|dechire\\w*|perime\\w*|bug\\w*|plante sans arret|raye|qualite(?: \\w+){0,3} deplorable|qualite(?: \\w+){0,3} nulle|mauvaise qualite|se decoud|deteint|rupture de stock|compte(?: \\w+){0,3} bloque\\w*|compte(?: \\w+){0,3} suspendu\\w*|compte(?: \\w+){0,3} pirate\\w*|plus de connexion|pas de connexion|coupure\\w*|plus d internet|pas d internet|plus de reseau|broken|broke after|stopped working|doesn t work|doesnt work|does not work|not working|won t work|wont work|isn t working|didn t work|defective|damaged|faulty|torn|ripped|poor quality|cheap quality|cheaply made|fell apart|falling apart|ran small|runs small|too small|too big|see through|returned it|returning it|sending it back|send it back|account(?: \\w+){0,3} locked|account(?: \\w+){0,3} suspended|account(?: \\w+){0,3} hacked|no internet|outage\\w*|error message|keeps crashing|app(?: \\w+){0,3} crash\\w*',
    'en panne',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'dissatisfaction',
    'decu\\w*|decevant\\w*|deception|inadmissible\\w*|inacceptable\\w*|scandal\\w*|honteu\\w*|honte|lamentable\\w*|deplorable\\w*|catastroph\\w*|n importe quoi|foutez de nous|foutez de ma gueule|se fout de nous|plus jamais|dernier achat|derniere fois|je ne recommande pas|ne recommande pas|a fuir|fuyez|jamais plus|j en ai marre|ras le bol|marre|inadmissible|nul|nulle|pire|le pire|vraiment pas content\\w*|pas content\\w*|pas satisfait\\w*|insatisfait\\w*|mecontent\\w*|furieu\\w*|insupportable\\w*|unbearable|desagreable\\w*|impoli\\w*|malpoli\\w*|mal poli\\w*|mediocre\\w*|rude|hausse de prix|augmentation de prix|price increase|price hike|trop cher|hors de prix|overpriced|enerve\\w*|excedee\\w*|disappointed|disappointing|unacceptable|ridiculous|terrible|horrible|awful|worst|never again|last time|not happy|unhappy|frustrat\\w*|miserable|shameful|poorly|lack of|unbelievable|incompetent\\w*|incompetence|incompetant\\w*|incompetents|amateur\\w*|pas serieux|aucun respect|manque de respect|no respect|annoyed|angry|upset|furious|fed up|sick of|tired of|poor service|bad service|terrible service|no excuse|shame on you|do not recommend|don t recommend|would not recommend|wouldn t recommend|waste of money|waste of time|emosad',
    'decu',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'sarcasm',
    'merci pour rien|merci de rien|quelle blague|c est une blague|quelle honte|on vous applaudit|la blague|mouais|c est ca oui|bien sur|genial(?: \\w+){0,3} emoeyeroll|super(?: \\w+){0,3} emoeyeroll|emoeyeroll|emoclown|thanks for nothing|yeah right|what a joke|boycott\\w*|ridicule\\w*|se ridiculise|vous etes la risee|personne n achete|cringe|ok boomer|sure jan|ratio|personne t aime|nobody likes you|vous etes ridicule\\w*|va te cacher|allez vous cacher|boomer\\w*|woke|genant|cope|seethe|il a quel age|t as quel age|vous avez quel age|vous etes la honte|honte du pays|nobody asked|no one asked|who asked|personne vous a demande|personne t a demande|on s en fout',
    'quelle blague ce service',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'praise',
    'merci|merci beaucoup|super|genial\\w*|j adore|adore|top|parfait\\w*|excellent\\w*|impeccable\\w*|ravi\\w*|content\\w*|satisfait\\w*|bravo|felicitations|rapide\\w*|recommande|je recommande|trop bien|tres bien|bon produit|belle journee|bonne journee|love|loved|thanks|thank you|thx|great|awesome|amazing|perfect|conforme|livraison rapide|fast delivery|fast shipping|as described|tout est regle|probleme regle|resolved|excellent|wonderful|fantastic|beautiful|happy|appreciate\\w*|recommend|fits perfectly|nice|cute|gorgeous|comfortable|emopos',
    'merci',
    'service lamentable',
  ),
  P(
    'veiled_threat',
    'fais gaffe|faites gaffe|fais attention|faites attention|prends garde|prenez garde|mefie toi|mefiez vous|a ta place je (ferais|ferai) (attention|gaffe|profil bas)|a votre place je (ferais|ferai) (attention|gaffe|profil bas)|(ferait|ferais|feriez|feraient) bien de (faire attention|faire gaffe|se mefier|te mefier|vous mefier|regarder derriere)|regarde derriere toi|surveille\\w* (tes|vos|ses) arrieres|tu ne sais pas a qui tu (as affaire|parles|t attaques)|tu sais pas a qui tu (as affaire|parles|t attaques)|vous ne savez pas a qui vous (avez affaire|parlez|vous attaquez)|je n oublie (rien|pas)|on n oublie (rien|pas)|dernier avertissement|je (te|vous) previens|tu es prevenu\\w*|t es prevenu\\w*|vous etes prevenu\\w*|considere (ca|cela) comme un avertissement|en (sortant|rentrant|partant) (du|de|de la|chez|au) (boulot|travail|bureau|taf|magasin|agence|ecole|boite|maison|toi|vous)|a la sortie (du|de|de la|des) (boulot|travail|bureau|taf|magasin|agence|ecole|boite|bureaux)|quand (tu|vous|il|elle) (sors|sortez|sort|sortira|sortiras|rentres|rentrez|rentre|rentrera|rentreras|quittes|quittez|quitte|quittera)(?: \\w+){0,3} (boulot|travail|bureau|taf|magasin|agence|maison|domicile|soir|nuit)|sur le chemin (du retour|de la maison|du boulot|du travail)|devant chez (toi|vous|lui|elle|eux)|devant (ton|votre|ta|son|sa) (bureau|boulot|travail|domicile|immeuble|porte|maison|ecole|voiture)|(on|je|nous) (t|vous|te) (attend|attends|attendons|attendra|attendrai) (devant|dehors|en bas|sur le parking|a la sortie|au coin|ce soir)|(on|je|nous) (t|te) (attend|attends|attendons|attendra|attendrai)|on se (retrouvera|reverra|croisera)|on va se (retrouver|revoir|croiser)|(viens|venez) (me le dire|le dire) en face|(viens|venez) (dehors|te battre|vous battre|si t es un homme)|regler (ca|ce probleme|nos comptes) (dehors|entre hommes|a l ancienne|autrement)|tu (verras|vas voir) ce qui (va|vas|pourrait) (t|vous|lui|te) arriver|(tu verras|vous verrez|on verra) ce qui (?:va |)(se passer|se passera|arrivera|arrive)|ce qui (arrivera|va arriver|pourrait arriver|va se passer|se passera) (a|au|aux) (ta|ton|tes|votre|vos|sa|son|ses)|tu verras|vous verrez|il (pourrait|va|risque de) (t|vous|lui|leur) arriver (quelque chose|malheur|des choses|un accident|des bricoles)|qu il (t|vous|lui|leur) arrive (quelque chose|malheur|un accident|des bricoles)|ce serait (dommage|bete|triste) (qu il|qu elle|que|qu on|qu un)|(serait|serais) (dommage|bete) qu (il|elle) (prenne feu|brule|explose|arrive)|(prenne|prennent|prendre) feu|(tu vas|vous allez|tu va|tu finiras|vous finirez|il va|elle va) finir (comme|a la facon de)|finir (comme|a la facon de) (charlie|charlie hebdo|paty|samuel paty|le bataclan|bataclan|l hyper cacher)|finir (a l hopital|aux urgences|en fauteuil|six pieds sous terre|sous terre|dans une boite|entre quatre planches|a la morgue)|six pieds sous terre|entre quatre planches|(tu vas|vous allez|tu va) (le sentir passer|prendre cher|morfler|douiller|deguster|souffrir|saigner)|(tu vas|vous allez|tu va) (prendre|te prendre|vous prendre) (une|des) (balle|balles|coups|raclee|rouste|beigne|droite|patate|tarte)|ca va (saigner|barder|chauffer pour (toi|vous|lui)|faire mal|cogner)|(tes|vos|ses) jours sont comptes|compte tes jours|(je|on) (viendrai|viendra|reviendrai|reviendra|vais venir|va venir|vais revenir|va revenir|viens|vient)(?: \\w+){0,3} (arme|armes|avec (une|un|des|mon|ma|mes) (batte|couteau|couteaux|flingue|fusil|arme|armes|kalash|hache|machette|pistolet|calibre|potes|gars|freres|cousins))|avec (une|un|des|mon|ma|mes) (batte|couteau|flingue|fusil|kalash|hache|machette|pistolet|calibre|barre de fer|cocktail molotov)|(je|on) (connais|connait) des gens|(je|on) (vais|va) (t|vous|lui|leur) envoyer (des gens|mes potes|mes gars|mes freres|du monde|quelqu un|quelques amis)|(continue|continues|continuez|continuer) (comme ca|ainsi|a|de|comme)(?: \\w+){0,3} et|(encore|recommence|recommencez|refais|refaites) (une fois|un coup|ca) et|si (tu|vous) (continue\\w*|recommence\\w*|supprime\\w*|bloque\\w*|ban\\w*|efface\\w*|censure\\w*|masque\\w*|me bloque\\w*|me ban\\w*)(?: \\w+){0,3}|si (tu|vous) (me|m) (supprime\\w*|bloque\\w*|ban\\w*|efface\\w*|censure\\w*|masque\\w*|ignore\\w*|cherche\\w*)|si (je te|je vous|je le|je la|je les|on te|on vous|on le|on la) (croise|croisons|chope|choppe|trouve|attrape|vois|retrouve|recroise)|si je (croise|chope|choppe|trouve|attrape|recroise) (le|la|les|ce|cette|ces|ton|ta|votre|vos)|le jour ou (je|on) (te|vous|le|la|les) (croise|chope|trouve|attrape|vois|retrouve)|(should|better|d better|had better|would) be careful|be careful (out there|when|where|what you)|watch (yourself|your step|out)|you d better watch|if i were you i d (be careful|watch|think twice|stay home|stay away)|you have no idea who you re (dealing|messing) with|you don t know who you re (dealing|messing) with|consider this (a|your) (warning|last warning|final warning)|(you have|you ve) been warned|don t say i didn t warn you|when (you|he|she|they) (leave|leaves|leaving|get|gets|go|goes|come|comes|walk|walks|drive|drives)(?: \\w+){0,3} (home|house|office|work|tonight|car|school|building)|on (your|his|her|their) way (home|to work|back)|(outside|in front of) (your|his|her|their) (house|home|office|door|work|store|building|school)|(we ll|we will|i ll|i will) be waiting (for you|outside|there)|waiting for you (outside|at|in|after)|see you (outside|after work|in the parking lot|tonight)|(see|you ll see|you will see) what happens|what happens to (your|you|his|her|their|the)(?: \\w+){0,3} (office|house|family|store|kids|car|home|wife|staff|building|employees|stores|offices|children|husband)|something (bad|terrible|nasty|unfortunate|awful) (will|might|could|is going to|gonna) happen|would be a shame if|(you ll|you will|you re going to|you re gonna) (be sorry|regret|suffer|bleed|pay)|(end|ends) up like (jfk|kennedy|lennon|the others)|keep (deleting|banning|blocking|ignoring|censoring|removing|hiding|it up|this up|doing this|doing that|pushing)(?: \\w+){0,3} and|if you (keep|continue)(?: \\w+){0,3} (deleting|banning|blocking|ignoring|censoring|removing|hiding)|(delete|ban|block|remove) (me|this|my comment|my post) (again|one more time) and|(i|we) know people|come (to|by|over to) (your|his|her) (house|home|office|work)|(find|see|meet|face) you (in real life|irl|in person)|start looking for you|(i|we) will make sure you (suffer|regret|pay|bleed)|(i ll|i will|we ll|we will) make you (suffer|pay|regret|bleed)|(i ll|i will|im going to|i m going to|gonna) blow up|(t as|tu as|vous avez|ils ont|ont|il a|elle a) interet a|sinon (je|on) (m occupe|m occuperai|s occupe|s occupera|viens|viendrai|viendra|passe|passerai|reviens|reviendrai|vais|va)|(je|on) (m|s) (occupe|occuperai|occupera|vais occuper|va occuper) (de toi|de vous|de ton cas|de votre cas|de lui|d elle|de ta famille|de ton patron)|ne (?:plus |)(?:jamais |)(passer|venir|revenir|remettre les pieds|te montrer|vous montrer|trainer) (ici|dans ma rue|dans le quartier|par ici|devant chez moi|dans mon quartier)|(?:ne |n |)(sors|sortez|sortir|rentre|rentrez|rentrer|marche|marchez|marcher|circule|circulez) (?:plus |)(?:jamais |)(seul|seule|seuls|seules)|(rentrer|rentres|rentrez|sortir|sors|sortez|partir|pars|marcher) (le soir|la nuit|tard le soir|seul le soir|seule le soir)|(ferait|ferais|feriez|feraient) bien de|(discuter|s expliquer|parler|regler ca) entre (hommes|quatre yeux dehors)|(attendre|attends|attend|guetter|coincer|choper|chopper|cueillir) (le|la|les|ce|cette|ton|ta|tes|votre|vos|l) (gerant|gerante|directeur|directrice|patron|patronne|cm|vendeur|vendeuse|conseiller|conseillere|responsable|boss|manager|pdg|proprietaire|caissier|caissiere|employe|employes)(?: \\w+){0,3} (a la sortie|a la fermeture|dehors|sur le parking|a la fin de son service|en bas de chez)|(je|on) (?:ne |n |)(serai|sera|serons|viendrai|viendra|viendrons|reviendrai|reviendra|reviendrons) pas (seul|seule|seuls|tout seul)|(viendrai|viendra|reviendrai|reviendra|viens|vient|serai|sera) pas (?:la |)pour (parler|discuter|rigoler|negocier|plaisanter)|(j ai|on a|je connais|on connait|j ai trouve|on a trouve|on a retrouve|j ai retrouve|je sais) (ton|ta|tes|son|sa|ses) (adresse|adresse perso|coordonnees|domicile|plaque|immatriculation|ecole|lieu de travail|horaires)|(compte|profil|page) (facebook|instagram|insta|twitter|linkedin|tiktok) (de|d) (ta|ton|tes|sa|son|ses)|(ta femme|ta fille|tes enfants|tes gosses|ton fils|ta famille|tes proches|ta copine|ton mari|tes filles|tes gamins)|(aller|passer|venir) (le|la|les|te|vous|lui|leur) voir chez (lui|elle|toi|vous|eux)|(je|on) (vais|va) (aller|passer|venir|debarquer) chez (lui|elle|eux|toi)|(les gens|les types|les mecs|les filles|les cm|les gars) comme (toi|vous|lui|eux|elle) (finissent|finiront|terminent) (?:toujours |)(mal|par|a|comme)|(par avoir|avoir|faire) un (accident|malheur)|tout (casser|detruire|saccager|bruler|defoncer|peter|exploser|cramer|retourner) (dans|a|chez|au)(?: \\w+){0,3} (magasin\\w*|boutique\\w*|agence\\w*|bureau\\w*|siege|locaux|usine|entrepot\\w*|restaurant|resto)|(je|on) (vais|va) tout (casser|peter|detruire|saccager|bruler|cramer|retourner)|(je|j|on) (mets|met|mettrai|mettra|vais mettre|va mettre|mettrais|fous|fout|foutrai|foutra|vais foutre|va foutre) le feu|(mettre|foutre) le feu (a|au|aux|dans) (votre|vos|ton|ta|tes|ses|son|sa|la|le|l|ce|cette|leur)(?: \\w+){0,3} (magasin\\w*|boutique\\w*|agence\\w*|siege|bureau\\w*|maison|voiture|entrepot\\w*|usine\\w*|locaux|batiment\\w*|baraque|appart\\w*)|derniere fois que je (previens|te previens|vous previens|le dis|te le dis|vous le dis|demande)|(je|on) (passe|passerai|passera|vais passer|va passer) (a l action|aux actes)|passer a l acte|je (?:ne |n |)(parle|parlerai|discute|discuterai) plus(?: \\w+){0,3} (j agis|j agirai|on agit|des actes)|j espere (qu|que)(?: \\w+){0,3} ~ (se fera|se fasse|se fassent|se feront|va se faire|vont se faire) (planter|tuer|buter|agresser|frapper|tabasser|violer|egorger|poignarder|lyncher|massacrer|ecraser|renverser|descendre|fumer|defoncer|casser la gueule)|(je|on|j|nous) (fais|fait|ferai|fera|ferons|vais faire|va faire|allons faire) (sauter|exploser|bruler|cramer) (votre|vos|ton|ta|tes|ses|son|sa|la|le|l|ce|cette|leur|les|tout)|(devrait|devraient|faudrait|merite|meritent|meriterait|meriteraient|doit|doivent|faut) (etre|d etre|les|le|la) (abattu\\w*|tue|tues|tuee|tuees|pendu\\w*|fusille\\w*|execute\\w*|brule\\w*|gaze\\w*|egorge\\w*|extermine\\w*|lynche\\w*|decapite\\w*|elimine\\w*|bute|butes|butee)|(t|te) (attend|attends|attendons|attendra|attendrai|attendront|attendent|attendrons)|(sait|savent|sais|savons|connait|connaissent|connais) qui (tu es|vous etes|t es)|dormir avec les poissons|si (tu tiens|vous tenez|tu tenais|vous teniez) a (ta|votre|la|tes|vos|ton) (vie|sante|peau|famille|gueule|dents|enfants|securite|physique)|(prevois|prevoyez|appelle|appelez|reserve|reservez|prepare|preparez) (une|l|les|des) ambulance\\w*|(ca va|il va y avoir|y aura|il y aura|ca fera|ca va faire|va faire|vont faire) (des morts|du sang|des blesses|un carnage|un drame|des degats|une tuerie)|surveille\\w* (sa|ta|votre|ses|tes|vos) (voiture|maison|famille|dos|enfants|gosses|porte)|(debarque|debarquons|debarquerai|debarquera|debarquer|debarquent) chez (toi|lui|elle|eux|vous)|(connaitre|connaitra|connaitront) (un|une) (?:petit |petite |)(incendie|accident|drame|explosion)|(ta|ton|tes|votre|vos) (fille|fils|gamine|gamin|gosse|gosses|enfants|enfant|petite|petit|petits)(?: \\w+){0,3} (ecole|college|lycee|creche|sortie d ecole)|(should|ought to|deserve to|deserves to) (all )?(be|get) (put down|taken out|wiped out|eliminated)|(sleep|sleeping) with the fishes|if you (value|care about) your (life|health|family|safety|kids|teeth)|(call|book|get) (an|the) ambulance (ready|now)|there will be (blood|bodies|casualties|consequences)|(you|you d|you had|you) better (watch|be careful|stop|delete|pray)|or else|(don t|never) (walk|go out|go home|drive) alone|(walk|walking|go|going|drive|driving) (home )?alone (at night|tonight)|(i|we) know where your (kids|children|wife|husband|family|daughter|son|mom|mother|parents) (go|goes|are|is|live|lives|work|works|play|plays)|(i|we) (won t|will not|wont) (come|be) alone|not (coming|come) (to talk|for a chat|to chat)|burn (it|this place|the place|your store|your office|the store|the office) (down|to the ground)|trash (the|your) (store|place|office)|(visit|see|find) (him|her|you) at (home|his house|her house|your house|his place|her place)|(your wife|your kids|your children|your daughter|your son|your family)(?: \\w+){0,3} (pretty|cute|lovely|beautiful|nice)',
    'fais gaffe',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'veiled_threat',
    'nice (house|car|family|kids|wife|place|home|neighborhood|neighbourhood)|(belle|jolie) (maison|voiture|famille|femme|fille|baraque)|(beaux|jolis) (enfants|gosses|gamins)|emoskull',
    'nice house',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'threat',
    '(je|on) (vais|va) (te|vous|t) faire (du mal|mal|souffrir|regretter|payer|la misere|bouffer)|(je|on) (vais|va) (lui|leur) faire (du mal|mal|souffrir|la peau)|(je|on) (vais|va) (te|vous|lui|leur) mettre (une|des) (balle|balles|raclee|rouste|beigne|patate|tarte|droite|mandale|gifle|claque|coup de couteau|coups de couteau|coup de poing|coups)|(je|on) (vais|va) (t|vous|lui|leur) en (mettre|coller|foutre) une|(je|on) (vais|va) (faire|commettre) (un|une) (carnage|massacre|attentat|tuerie|boucherie)|(faire|commettre) un attentat|tirer dans le tas|(je|on) (vais|va) tirer (sur|dans)|vider (mon|un|le) chargeur|sortir (le|la|mon|ma) (fusil|kalash|flingue|calibre|gun|pompe)|mettre le feu (a|au|aux|dans) (votre|vos|ton|ta|tes|ses|son|sa|la|le|l|ce|cette|leur)(?: \\w+){0,3} (magasin\\w*|boutique\\w*|agence\\w*|siege|bureau\\w*|maison|voiture|entrepot\\w*|usine\\w*|locaux|batiment\\w*|baraque|appart\\w*)|faire (sauter|exploser) (votre|vos|ton|ta|tes|ses|son|sa|la|le|l|ce|cette|leur)(?: \\w+){0,3} (magasin\\w*|boutique\\w*|agence\\w*|siege|bureau\\w*|maison|voiture|entrepot\\w*|usine\\w*|locaux|batiment\\w*|baraque|appart\\w*)|(je|on) (vais|va) (bruler|cramer|incendier|saccager|detruire|defoncer|ravager) (votre|vos|ton|ta|tes|ses|son|sa|la|le|ce|cette)(?: \\w+){0,3} (magasin\\w*|boutique\\w*|agence\\w*|siege|bureau\\w*|maison|voiture|entrepot\\w*|usine\\w*|locaux|batiment\\w*)|tu merites (d etre|qu on te) (viole\\w*|tue\\w*|frappe\\w*|pendu\\w*|egorge\\w*|brule\\w*|fusille\\w*|abattu\\w*|bute\\w*|tabasse\\w*|lapide\\w*)|(vous meritez|il merite|elle merite|ils meritent|elles meritent) (d etre|qu on (les|le|la|vous)) (viole\\w*|tue\\w*|frappe\\w*|pendu\\w*|egorge\\w*|brule\\w*|fusille\\w*|abattu\\w*|bute\\w*|tabasse\\w*|lapide\\w*)|j espere qu (il|elle|ils|elles|on) (va|vont) (te|vous|le|la|les|se) (?:faire |)(violer|tuer|buter|egorger|agresser|frapper|tabasser|ecraser|poignarder|planter)|j espere que (tu|vous) (vas|allez|va) (te|vous) faire (violer|tuer|buter|egorger|agresser|frapper|tabasser|ecraser|poignarder|planter)|j espere que (tu|vous) (vas|allez|va) (crever|mourir|souffrir)|j espere qu (il|elle|ils|elles) (va|vont) (crever|mourir|souffrir)|(creve|crever|crevez) la bouche ouverte|tu vas (crever|mourir) comme|t es (un homme mort|une femme morte|mort|morte|cuit|fini|foutu)|vous etes (morts|mortes|finis|foutus|cuits)|(i ll|i will|im going to|i m going to|gonna) (rape|murder|kill|shoot|stab|strangle|behead) (your|you|him|her|them|every)|(i|we) will (find|hunt) (you|your|him|her)(?: \\w+){0,3} (and|then)|put (you|him|her) in (the|a) (hospital|ground|grave|coffin|ditch)|six feet under|you re (going to|gonna) (die|get hurt|get killed|get shot|bleed)|you (will|ll) (die|get hurt|get killed|get shot|bleed)|your (last|final) (day|days|breath)',
    'je vais te faire du mal',
    'je vais te répondre demain',
  ),
  P(
    'incitement',
    '(il|faut|faudrait|il faudrait|il faut) (?:tous |)(les|le|la|l|leur) (tuer|buter|pendre|fusiller|exterminer|eliminer|bruler|gazer|abattre|egorger|lyncher|decapiter|guillotiner|flinguer|cramer)|on devrait (?:tous |)(les|le|la|l) (tuer|buter|pendre|fusiller|exterminer|bruler|gazer|abattre|egorger|lyncher|decapiter|guillotiner)|qu on (les|le|la|l) (pende|fusille|brule|gaze|tue|abatte|egorge|lynche|bute|decapite|guillotine)|faut tous les (tuer|buter|pendre|fusiller|exterminer|bruler|gazer|abattre)|(a mort|mort aux|mort a|mort au) (les|le|la|l|ce|cette|ces)|mort aux|(a la|au) (potence|bucher|poteau|guillotine|goulag|four|chambre a gaz)|une balle (pour|dans) (chacun|chacune|eux|lui|elle|sa tete|leur tete|la tete)|(kill|shoot|hang|gas|burn|exterminate|behead|lynch|execute) (them|em|all of them|every) all|(kill|shoot|hang|gas|burn|exterminate|behead|lynch|execute) all (the|of the|those|these)|death to|drop dead|(should|ought to|must|needs to|need to|deserves to|deserve to|deserved to) (be|get) (shot|killed|hanged|hung|executed|lynched|beaten|raped|murdered|stabbed|burned|burnt|gassed|beheaded|eaten alive)|hope (you|he|she|they|your|his|her|their)(?: \\w+){0,3} (get|gets|got) (raped|killed|murdered|shot|stabbed|hit by|run over|cancer|beaten)|hope (bad|terrible|horrible) things happen|hope something (bad|terrible|horrible) happens|wish (you|him|her|them) (dead|death)|nothing but death|just die|die in a (hole|fire|ditch|car crash)|line them up|round them up|gas the|burn (the|all)(?: \\w+){0,3} (jews|muslims|gays|blacks|immigrants|arabs|witches)|(burn|kill|killing|kills) (jews|muslims|gays|blacks|immigrants|arabs|all the)',
    'il faut tous les tuer',
    'va te reposer un peu',
  ),
  P(
    'violence',
    'extermin\\w*|gazer|massacre|carnage|tuerie|machette|machete|batte de baseball|baseball bat|pistolet|calibre|rifle|kalachnikov|cocktail molotov|molotov|sang|blood|death|mort|poignard\\w*|egorge\\w*|decapit\\w*|behead\\w*|lynch\\w*|pendre|hang (him|her|them|you)|eaten alive|incendie\\w*|ambulance|defigur\\w*|eventr\\w*|se (fera|fasse|fassent|feront|faire) (planter|buter|egorger|poignarder|lyncher|tabasser|descendre|fumer|defoncer|trouer)|burn in hell|grave',
    'il faut exterminer',
    'je vais dormir',
  ),
  P(
    'figure_of_speech',
    '(ca|tu|vous|il|elle|ils|cette pub|ce prix|ce truc) (me|m) (tue|tues|tuez|tuent|achevent|acheve)|mort\\w* de rire|je suis (mort|morte|mort de rire|creve|creve|crevee|cuit|cuite)|suis (mort|morte|creve|crevee|cuit|cuite)|je meurs|creve\\w* de (faim|chaud|froid|fatigue|rire|soif)|une tuerie|c est une tuerie|tuer le temps|tue l amour|ca tue|mortel\\w*|prix (casse|casses|casse|casses|canon|choc|fou|fous)|(casse|casser|cassons|cassent|on casse) les prix|(explose|exploser|explosent|explose) (les|mes|nos|tous les) (compteurs|scores|records|ventes|chiffres)|(s eclater|on s est eclate\\w*|je me suis eclate\\w*|eclate\\w* de rire|explose\\w* de rire)|faire un malheur|mettre le feu (au dancefloor|a la piste|a l ambiance|au stade|a la scene|au public|aux reseaux)|a tomber|(faites|fais|faire) (attention|gaffe) (a|au|aux) (la taille|taille|arnaque\\w*|faux|fraude\\w*|phishing|mails|sms|contrefacon\\w*|faux sites|escroqueries|coupures|soldes|ouvertures|horaires)|attention aux (arnaques|faux|escroqueries|contrefacons|fraudes)|(is|are|s|re|was|it s) killing me|killing (it|me softly)|killed it|kill it|to die for|dying to|(i m|im|i am) (dead|dying|deceased)|(dying|died|dead) (laughing|of laughter)|killer (deal|deals|price|prices|look|app|feature|combo)|kill for (a|an|some|this|that|one)|slay\\w*|(the|da) bomb|shoot (me|us) (a|an) (message|email|dm|text|note|line)|photo shoot|photoshoot|beat (the|that) (price|deal|offer|heat|rush|competition|record)|kill time|kill (the|this) (process|app|engine|lights|vibe|mood)|break a leg|break the bank|knock\\w* it out of the park|drop dead gorgeous|dead (battery|on arrival|pixel\\w*|zone|end)',
    'ca me tue',
    'je vais te tuer',
  ),
  P(
    'complaint_delivery',
    '(marque|marquee|indique|indiquee|declare|declaree|note|notee|signale|signalee|soi disant|soit disant) (?:comme |)(livre|livree|remis|remise|distribue|distribuee)|(livre|livree|depose|deposee|laisse|laissee) (n importe ou|devant la porte|dans le hall|chez (un|le|la) voisin\\w*|dehors|sous la pluie)|avis de passage|alors que j (etais|etait) (la|present\\w*|chez moi|a la maison)|livraison (reportee|decalee|repoussee|annulee|ratee|manquee|echouee)|(commande|colis|livraison|article|produit) (annule|annulee|perdu|perdue|egare|egaree|vole|volee|bloque|bloquee|retenu|retenue|jamais (arrive|arrivee|recu|recue|livre|livree))|(produit|article|colis|commande|appareil|meuble|canape|telephone|ecran|tv|televiseur|machine) (arrive|arrivee|recu|recue|livre|livree) (casse\\w*|abime\\w*|endommage\\w*|ouvert\\w*|raye\\w*|fele\\w*|brise\\w*|en morceaux|defectueu\\w*|incomplet\\w*|sale\\w*|tache\\w*|use\\w*|mouille\\w*)|(arrive|arrivee|arrives|arrivees|recu|recue|recus|recues) (casse\\w*|abime\\w*|endommage\\w*|ouvert\\w*|raye\\w*|fele\\w*|brise\\w*|en morceaux|defectueu\\w*|incomplet\\w*|sale\\w*|tache\\w*|use\\w*|mouille\\w*)|emballage (abime|ouvert|dechire|endommage|eventre|ecrase)|colis (ouvert|abime|eventre|dechire|ecrase|mouille)|(piece|pieces|vis|notice|accessoire|accessoires|chargeur|cable|telecommande) (manquante|manquantes|manquant|manquants|absente|absentes)|il (manque|manquait) (une|un|des|la|le|les|deux|trois)|erreur (de|dans la|sur la|sur ma) (commande|livraison|taille|facturation|prelevement|facture|adresse|article)|(pas|plus) en stock (alors que|pourtant)|(rendez vous|rdv|intervention|visite) (annule|annulee|manque|rate|ratee|non honore|non honoree|oublie|oubliee)|personne (n est|est|n a) (venu|passe|pas venu|pas passe)|(le|un) technicien(?: \\w+){0,3} (jamais|pas|toujours pas) (venu|passe|arrive|rappele)|(train|tgv|ter|rer|bus|metro|vol|avion|navette)(?: \\w+){0,3} (supprime|supprimee|annule|annulee|en retard|bonde|retarde|retardee)|encore (en retard|supprime|annule|une panne|un retard|une greve|une coupure)|(retard|retards|suppression|suppressions) (encore|a nouveau|de nouveau|tous les jours|chaque jour|quotidien\\w*)|laisse\\w* sur le quai|(ma|la|notre) (valise|bagage|bagages) (n est pas|ne sont pas|pas) (arrive\\w*|la)|(valise|bagage|bagages)(?: \\w+){0,3} (perdu\\w*|egare\\w*|pas arrive\\w*|abime\\w*|endommage\\w*)|(paid|charged|ordered)(?: \\w+){0,3} (never|still not|haven t|have not|did not|didn t) (arrived|received|delivered|shipped|got)|marked (?:as |)delivered|says (?:it was |)delivered|(arrived|came|showed up) (broken|damaged|cracked|torn|dented|open|opened|defective|scratched|dirty|used|wet|late|incomplete)|part\\w* (missing|not included)|(flight|train|bus)(?: \\w+){0,3} (delayed|cancelled|canceled|overbooked)',
    'marque comme livre',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'complaint_product',
    's est (casse|cassee|dechire|dechiree|decolle|decollee|decousu|decousue|troue|trouee|abime|abimee|raye|rayee|tache|tachee|deforme|deformee|effiloche|effilochee|fendu|fendue|fissure|fissuree|plie|pliee|tordu|tordue|retreci|retrecie|detache|detachee|rompu|rompue|mis en panne|eteint|eteinte|bloque|bloquee)|se (decolle|decollent|dechire|dechirent|decoud|decousent|casse|cassent|troue|trouent|raye|rayent|tache|tachent|deforme|deforment|effiloche|effilochent|fend|fendent|fissure|fissurent|detache|detachent|plie|plient|tord|tordent|raye)|a (casse|lache|rompu|fondu|rouille|pele|deteint|retreci|bouloche|craque|cede|grille|brule|explose|fuit|coule)|(bouloche|boulochent|bouloche|retreci|retrecit|deteint|deteignent|rouille|rouille|fuit|fuient)|ne (s allume|s allument|charge|chargent|demarre|demarrent|s ouvre|s ouvrent|se ferme|se ferment|s eteint|tient|tiennent|fonctionne|fonctionnent|marche|marchent|capte|captent|synchronise|s installe|se connecte|se connectent|sechent|seche|chauffe|chauffent|refroidit|lave|essore) (pas|plus|jamais)|n a (pas|meme pas|jamais) (tenu|fonctionne|marche|servi|dure)|n a (tenu|dure|fonctionne|marche) que|(a tenu|a dure|a fonctionne|a marche|tient|dure) (?:que |)(?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) (jour|jours|semaine|semaines|mois|heure|heures|utilisation|utilisations|lavage|lavages)|(apres|au bout de|des le|des la|des sa) (premier|premiere|deuxieme|second|seconde|1er|1ere) (lavage|utilisation|usage|port|semaine|mise en service)|au premier lavage|ne dure pas|duree de vie (ridicule|tres courte|limitee|lamentable|minable)|qualite(?: \\w+){0,3} (mediocre|deplorable|nulle|decevante|catastrophique|douteuse|lamentable|minable|pas au rendez vous|pas terrible|moyenne|bas de gamme|en baisse)|laisse\\w* a desirer|pas terrible|pas top|bof|sans plus|(rien a voir|aucun rapport) avec (la photo|les photos|la description|l image|les images|la pub|la publicite|le site)|(pas|plus|ne ressemble pas) (?:du tout |)(a|comme) (la photo|les photos|la description|l image|le modele)|photo\\w* trompeuse\\w*|publicite mensongere|mensonger\\w*|(ne|n) (l|les) achetez (pas|jamais)|n achetez (pas|jamais|surtout pas)|a eviter|passez votre chemin|argent jete par les fenetres|ne vaut (pas|meme pas) (le prix|son prix|le coup|la peine|un clou|grand chose)|rapport qualite prix(?: \\w+){0,3} (nul|mauvais|decevant|pas terrible|pas bon|mediocre|catastrophique|scandaleux|honteux)|trop cher pour (ce que c est|la qualite|ce que ca vaut|ce que c etait)|inutilisable\\w*|injouable|illisible\\w*|notice (incomprehensible|illisible|inexistante|absente|en anglais)|(bruyant|bruyante|fait un bruit|fait du bruit|grince|surchauffe|chauffe trop|vibre)|taille (?:beaucoup |)(?:trop |)(petit|grand)|(encore|toujours|deja) (en panne|casse|cassee|hs|plante|bloque|bloquee)|(deja|encore) (en panne|casse|cassee|abime|abimee|use|usee|troue|trouee|decolle|decollee|hs|mort|morte|foutu|foutue)|hs|hors service|(carte|cb) (bloquee|avalee|refusee|desactivee|piratee|clonee)|virement(?: \\w+){0,3} (bloque|pas arrive|non recu|toujours pas|en attente|refuse|rejete|perdu|pas passe)|debit\\w* (frauduleu\\w*|non autorise\\w*|inconnu\\w*)|(debit|connexion|reseau|internet|wifi|fibre|4g|5g)(?: \\w+){0,3} (lent|lente|instable|ridicule|minable|coupe|coupee|nul|nulle|catastrophique|inexistant|inexistante)|(box|decodeur|modem|routeur)(?: \\w+){0,3} (redemarre|plante|clignote|en panne|hs|ne marche|ne fonctionne)|(ligne|telephone|fibre|internet|reseau) (coupe|coupee|coupes|coupees)|(site|appli|application|app|espace client)(?: \\w+){0,3} (en panne|inaccessible|bug|bugge|beugue|plante|ne marche|ne fonctionne|inutilisable|hors service)|impossible d (avoir|obtenir|prendre) (?:un |)(rendez vous|rdv|creneau|conseiller|interlocuteur)|(aucun|pas de|plus de|plus aucun) (rendez vous|creneau|creneaux) |(dossier|demande)(?: \\w+){0,3} (bloque|bloquee|en attente|perdu|perdue|en cours|incomplet|sans suite|traine|en souffrance)|relev\\w* (faux|fausse|errone|erronee|estime|estimee)|(stopped|stop) (working|charging|turning on)|won t (turn on|start|connect|load|open|hold a charge)|doesn t (turn on|start|connect|load|open|last|hold a charge)|broke (after|within|in)(?: \\w+){0,3} (day|days|week|weeks|month|months|use|uses|wash|washes)|fell apart|came apart|(pilling|pilled|shrunk|shrank|faded|ripped|tore|unraveled|unraveling)|waste of money|don t (buy|waste)|do not (buy|waste)|avoid (this|at all costs)|not worth (the|it)',
    's est casse',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'complaint_billing',
    '(facture|factures|facturation|releve|prelevement|prelevements)(?: \\w+){0,3} (erronee|erronees|fausse|fausses|incorrecte|incorrectes|exorbitante|astronomique|delirante|abusive|abusif|injustifie\\w*|doublee|double)|trop percu|(on m a|vous m avez|ils m ont|ils ont) (debite|preleve|facture|surfacture|compte|retire)|(debite|preleve|facture|facturee|factures|prelevee|debitee) (deux fois|2 fois|en double|a tort|sans raison|sans mon accord|sans autorisation|alors que)|toujours (preleve|prelevee|facture|facturee|debite|debitee)|(augmente|augmentation|hausse) (de|du)(?: \\w+){0,3} (forfait|abonnement|prix|tarif\\w*|facture|cotisation|loyer|mensualite\\w*)|(forfait|abonnement|cotisation|tarif|prix|facture)(?: \\w+){0,3} (augmente|augmentee|double|triple|explose)|sans (?:aucun |)(preavis|prevenir|m avertir|me prevenir|nous prevenir|explication|mon accord)|c est du vol|du vol|frais (bancaires|de tenue|d incident|de rejet|de dossier|de resiliation|caches|injustifies|abusifs)|agios|option\\w* (jamais demandee\\w*|non demandee\\w*|que je n ai (pas|jamais) demande\\w*)|jamais (demande|souscrit|commande|signe|accepte)|still (?:being |)(charged|billed)|charged (?:me |)(for|after)(?: \\w+){0,3} (cancel\\w*|returned|never)|billed (twice|incorrectly|wrong)',
    'facture erronee',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'complaint_service',
    'raccroche\\w* au nez|(chacun|tout le monde|chaque conseiller|chaque personne) (me|nous) (dit|raconte|donne) (autre chose|le contraire|une version differente|une reponse differente)|on me (promet|balade|ment|raconte|repond toujours|renvoie)|promesse\\w* (non tenue\\w*|pas tenue\\w*|jamais tenue\\w*)|(on se moque|vous vous moquez|ils se moquent|se moquent|se moque) (de moi|de nous|du client|des clients|du monde|de qui|de vos clients)|prendre\\w* (les clients|vos clients|nous|moi) pour (des|un|une) (cons|idiots|pigeons|vaches a lait|imbeciles|abrutis|quiches)|vache\\w* a lait|(service client\\w*|sav|hotline|service apres vente|conseiller\\w*|conseillere\\w*|support)(?: \\w+){0,3} (inexistant\\w*|nul|nuls|nulle|lamentable\\w*|deplorable\\w*|injoignable\\w*|incompetent\\w*|absent\\w*|catastrophique\\w*|honteu\\w*|minable\\w*|mediocre\\w*|a la ramasse|aux abonnes absents|fantome|ne sert a rien|ne servent a rien)|(chat|tchat|robot|chatbot|serveur vocal|repondeur)(?: \\w+){0,3} (tourne en rond|tourne en boucle|inutile|ne sert a rien|ne comprend rien|raccroche)|tourne\\w* en (rond|boucle)|renvoie\\w* (de service en service|d un service a l autre|la balle|vers un autre)|personne ne (veut|peut|sait|daigne) (m aider|nous aider|me repondre|nous repondre|me renseigner|me dire|nous dire|m expliquer|me rappeler)|personne ne sait (me|nous)|aucun (suivi|interlocuteur|rappel|geste|conseiller|contact)|(aucune|pas de|sans) (solution|nouvelle|nouvelles|reponse claire|prise en charge)|toujours (aucune|pas de) (nouvelle\\w*|reponse|retour|info\\w*|solution|rappel)|(j attends|on attend|en attente d|en attente de|j attend) (une|un|la|le|mon|ma|votre|ce|cette)(?: \\w+){0,3} (reponse|rappel|remboursement|retour|colis|livraison|technicien|solution|avoir|regularisation|intervention)|pour la (deuxieme|troisieme|quatrieme|cinquieme|enieme|nieme|2e|3e|4e|5e) fois|(trois|quatre|cinq|(?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) ) (conseillers|interlocuteurs|appels|mails|courriers|relances|reclamations)|(refus|refuse|refusent|refusee) de (prise en charge|rembourser|indemniser|prendre en charge|me rembourser|reparer|echanger|reprendre)|garantie (refusee|pas appliquee|non appliquee|expiree)|on me (traite|prend|considere) (comme|pour)|traite\\w* comme (un|une|des) (chien|chiens|moins que rien|numero|merde|idiot\\w*|imbecile\\w*|voleur\\w*|criminel\\w*|menteu\\w*|dechet\\w*)|voila comment vous (traitez|remerciez)|c est comme ca que vous (traitez|remerciez)|est ce normal|(c est|ce n est|c est pas|ce n est pas) (?:pas |)normal|pas normal|rep\\w*ndez (moi|nous|svp|s il vous plait)|(nobody|no one|none of you) (can|will|could) (help|tell me|explain|answer)|transferred ((?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) times|again|around)|different answer\\w* (every|each) time|run around',
    'raccroche au nez',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'complaint_refund',
    '(je|j) (veux|voudrais|demande|exige|souhaite|attends|reclame|aimerais)(?: \\w+){0,3} (echange|echanger|remboursement|rembourse|remboursee|remplacement|remplacer|avoir|geste commercial|dedommagement|indemnisation|reponse|explications|explication|rappel|solution|responsable|annulation|resiliation)|rendez (moi|nous) (mon|notre|l|nos|mes) argent|rembourse\\w* (moi|nous)|j exige|exige\\w* (un|une|le|la|des) (remboursement|echange|reponse|explication|geste)|(i|we) (want|demand|need|expect)(?: \\w+){0,3} (refund|replacement|exchange|answer|explanation|manager|supervisor|compensation|my money)|give me my money back|speak to (a|the|your) (manager|supervisor)',
    'je veux echange',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'legal_action',
    '(porter|porte|portee|porterai|porterons|deposer|depose|deposerai|deposee|faire) (?:une |)plainte|plainte (contre|aupres|pour)|plainte|(mon|un|notre|des) avocat\\w*|avocat\\w*|(au|devant le|devant les) (tribunal|tribunaux|prud hommes|juge)|tribunal|en justice|action (en justice|de groupe|collective)|poursuite\\w* (judiciaire\\w*|en justice)|mise en demeure|(ufc|que choisir|60 millions de consommateurs|dgccrf|signal conso|signalconso|arcep|mediateur|conciliateur|association de consommateurs|associations de consommateurs|defenseur des droits|cnil)|je vais (?:vous |)(signaler|denoncer)|(i will|i ll|going to|gonna|we will|we ll) sue|sue (you|them|your|the)|(my|a) (lawyer|attorney)|(legal action|class action|small claims)|(better business bureau|consumer protection|trading standards|attorney general|ombudsman)|(file|filed|filing) (?:a |)(?:formal |)complaint|report\\w* (you|this|them) to',
    'porter une plainte',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'leaving',
    '(je|j) (resilie|resilierai|vais resilier|veux resilier|ai resilie)|je (?:vais |)(changer|change) d (operateur|assureur|fournisseur|enseigne)|je (?:vais |)(changer|change) de (banque|fournisseur|cremerie|magasin|marque|operateur|assurance|mutuelle|compagnie)|je (?:vais |)(partir|pars|passer|passe|aller|vais) (chez|a|vers) la concurrence|la concurrence|je (?:vais |)(quitter|quitte) (votre|cette|ta|la) (banque|enseigne|assurance|marque|operateur|entreprise|boite|mutuelle|compagnie)|(vous avez perdu|vous venez de perdre|vous perdez|vous allez perdre|vous perdrez) (un|une|vos|des) client\\w*|(client|cliente|clients|fidele|fideles|abonne|abonnee) depuis (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) (ans|annees)|apres (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) (ans|annees) (de fidelite|chez vous|de bons et loyaux)|(i m|i am|we re|we are) (canceling|cancelling|switching|leaving|closing my account|done with you)|(you|you ve|you have) (?:just |)lost (a|another) customer|taking my (business|money) elsewhere|switching to|customer (for|since) (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) years',
    'je resilie',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'complaint_delay',
    'depuis (une|un|deux|trois|plus d une|plus d un|plus de deux) (semaine|semaines|mois|quinzaine|eternite)|depuis (le debut|la mi|le mois|la semaine)(?: \\w+){0,3}|(un|une) (mois|semaine|annee) et demi\\w*|ca fait (une|un) (eternite|bail|plombe)|toujours en (attente|cours|preparation|traitement|transit)|en cours de traitement depuis|toujours (rien|personne|aucune nouvelle)|(aucune|sans|pas de) nouvelle\\w*|relance\\w* (plusieurs|(?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) |de nombreuses|a maintes) fois|(mails|appels|courriers|relances|messages) (restes|restees|sans) (sans reponse|reponse|suite)|for (over|more than) (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) (days|weeks|months|hours)|(over|more than) (?:\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|trente|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) (days|weeks|months) (now|later|ago)',
    'depuis une semaine',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'dissatisfaction',
    'degout\\w*|ecoeur\\w*|dego|vener|relou\\w*|naze\\w*|pourri\\w*|une honte|c est une honte|de pire en pire|ca devient (n importe quoi|insupportable|ridicule|n imp)|c est (la|ma) derniere fois|aucun serieux|amateurisme|inadmissible\\w*|intolerable\\w*|revoltant\\w*|revolte\\w*|choque\\w*|dans quel monde|jamais vu (ca|un truc pareil|pareil)|vraiment nul\\w*|trop nul\\w*|c est nul|tres decu\\w*|grosse deception|tres mauvais\\w*|mauvais\\w* (experience|service|accueil|qualite|produit|achat)|a fuir|fuyez|bidon|minable\\w*|disgusted|disgusting|appalling|outrageous|beyond (frustrated|disappointed|annoyed|angry)|so (disappointed|frustrated|annoyed|angry)|very poor|really bad|not impressed|joke of a (company|service|airline|bank)|ridiculous',
    'je suis dégoûté',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'sarcasm',
    'encore (un|une) (super|magnifique|superbe|excellent|excellente|genial|geniale|belle|beau|bel|sacre|sacree|grande|grand)(?: \\w+){0,3}|bravo(?: \\w+){0,3} encore|bravo (a|aux) (vous|toi|eux|l equipe|vos equipes|la direction)(?: \\w+){0,3} (encore|toujours|pour rien)|quel exploit|quelle surprise|quelle audace|du grand art|quel genie|quels genies|quel talent|on n arrete pas le progres|on applaudit|(super|genial|top|parfait|bravo|merci)(?: \\w+){0,3} emoeyeroll|le (progres|changement) c est maintenant|oh (great|wonderful|joy|goody|fantastic|brilliant|perfect)|just (great|perfect|wonderful|brilliant|fantastic)|just what (we|i|everyone|the world) needed|(another|yet another)(?: \\w+){0,3} (nobody|no one) (asked|wanted|needs)|(nobody|no one) asked for|said (no one|nobody) ever|(genius|brilliant) (move|idea|strategy|marketing)|what a surprise|color me surprised|slow clap|golf clap|(great|wow|oh|nice|cool) another|yet another|truly (innovative|groundbreaking|revolutionary)|who could have (guessed|seen this coming|predicted)',
    'encore un super',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'mockery',
    'paye\\w* (en|au) (cacahuetes|cacahuete|lance pierre|smic)|(paid|pay) (?:in |)peanuts|(votre|vos|le|ton|les) stagiaire\\w*|(your|the) intern\\w*|(vos|votre|le|les|ce|cette) (cm|community manager\\w*|community managers)|social media (team|manager|intern|guy|person)|(le|votre) service (com|communication|marketing)|(votre|cette|vos|ces) pubs?|(this|your) (ad|ads|commercial)|ringard\\w*|has been|la honte|vous etes la risee|risee|clown (company|brand|show)|circus|cirque',
    'paye en cacahuetes',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'mockery',
    'mdr|ptdr|xptdr|lol|lmao|lmfao|lmaoo|rofl|haha\\w*|hahaha|ahah\\w*|emolaugh',
    'mdr',
    "Bonne journée à toute l'équipe",
  ),
  P(
    'praise',
    'bon rapport qualite prix|(excellent|tres bon|super|bon) rapport qualite prix|conforme (a la description|a mes attentes|aux photos|a la photo)|tres (satisfait|satisfaite|content|contente|bon|bonne|efficace|reactif|reactive|pro|professionnel|professionnelle|agreable|aimable|sympa|pratique|joli|jolie|beau|belle|confortable|rapide)|au top|nickel|bonne qualite|de qualite|qualite au rendez vous|bien (emballe|emballee|recu|recue|arrive|arrivee|protege|protegee)|(arrive|arrivee|recu|recue|livre|livree) (rapidement|en avance|a l heure|pile a l heure|dans les temps|en parfait etat|en bon etat|comme prevu)|merci (a|au|aux) (?:toute |)(l equipe|vos equipes|service client|conseiller|conseillere|livreur)|merci pour (votre|ta|la|cette|vos) (reponse|aide|retour|reactivite|rapidite|gentillesse|patience|efficacite|accueil)|efficace\\w*|reactif\\w*|aimable\\w*|sympa|a l ecoute|rien a redire|je (conseille|recommande vivement|recommande fortement)|(trop|j ai) hate|hate de|bonne continuation|longue vie|fluide|confortable\\w*|agreable\\w*|bien joue|ca fait plaisir|un plaisir|highly recommend|works (great|perfectly|well|like a charm)|exactly (as|what) (described|i wanted|i needed|pictured)|so happy|very happy|love (it|this|them|these|my)|well made|great quality|good quality',
    'bon rapport qualite prix',
    'service lamentable',
  ),
  P(
    'inquiry',
    'est ce que|est ce qu|est il possible|est elle possible|serait il possible|puis je|peut on|pouvez vous (me dire|m indiquer|me renseigner|me confirmer|preciser)|comment (faire|faut il|puis je|peut on|on fait|je fais|fait on|proceder)|(quel|quelle|quels|quelles) (est|sont|sera|seront)|combien (de temps|coute|coutent|faut il|de jours)|(vous|tu) (faites|livrez|proposez|avez|acceptez|vendez|prenez|recrutez|ouvrez|expediez|reprenez|remboursez|echangez)(?: \\w+){0,3}|je voudrais savoir|je souhaiterais savoir|j aimerais savoir|savez vous|quand (sort|sortira|arrive|arrivera|commence|commencent|ouvre|ouvrira)|ou (puis je|peut on|trouver|acheter)|si (le|la|les|l|un|une|mon|ma|mes|ce|cette|jamais|besoin|jamais)(?: \\w+){0,3}|en cas de|au cas ou|(do|does|can|could|will|would) (you|i|we|it|they)(?: \\w+){0,3}|is (it|there) (possible|a way|an option)|how (do|can|long|much|many) (i|we|you|does|do|it)|what (is|are) (the|your)|when (will|does|is|do)|where can (i|we)|if (i|the|my|it|you)(?: \\w+){0,3}|in case',
    'est ce que',
    'Vous êtes nuls',
  ),
];
