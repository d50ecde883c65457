/**
 * The demo's fallback comments when ../shared/data/dev is absent: invented, in French and English,
 * covering what a CM meets in a day (and a few hostile-input oddities).
 */
export const SAMPLE_COMMENTS: readonly { text: string; lang: 'fr' | 'en' }[] = [
  {
    lang: 'fr',
    text: "Toujours pas reçu ma commande depuis 3 semaines, et votre service client ne répond jamais. C'est une honte.",
  },
  { lang: 'fr', text: 'Bravo pour la nouvelle campagne 👏 vraiment réussie !' },
  { lang: 'fr', text: "Vous êtes vraiment les pires, bande de clowns 🤡 personne n'achète vos trucs" },
  { lang: 'fr', text: 'Merci pour votre réponse rapide, problème réglé 🙂' },
  { lang: 'fr', text: 'Colis perdu, remboursement refusé, 4 appels au SAV. Je veux juste mon argent.' },
  { lang: 'fr', text: 'On sait où tu habites, tu vas regretter ce post.' },
  { lang: 'fr', text: 'mdr encore une pub ratée, qui vous paie pour ça ?' },
  { lang: 'fr', text: 'Est-ce que le magasin de Lyon est ouvert dimanche ?' },
  { lang: 'fr', text: 'Ma facture est fausse pour le deuxième mois de suite, aucune réponse à mes mails.' },
  { lang: 'fr', text: 'Je vais venir vous attendre à la sortie du bureau, vous allez voir.' },
  { lang: 'fr', text: 'Superbe initiative pour la ville, merci à toute l’équipe !' },
  { lang: 'fr', text: 'Connards de communicants, vous mentez comme vous respirez' },
  {
    lang: 'en',
    text: 'Still waiting for my refund after 6 weeks. Customer service keeps closing my ticket.',
  },
  { lang: 'en', text: 'Love the new design, great job 😍' },
  { lang: 'en', text: 'lol who approved this ad, your marketing team is a joke' },
  { lang: 'en', text: 'I know where you live. Keep posting and see what happens.' },
  { lang: 'en', text: 'My order arrived broken and nobody answers the support chat.' },
  { lang: 'en', text: 'What time does the event start on Saturday?' },
  { lang: 'en', text: 'You people are pathetic idiots, delete your account' },
  { lang: 'en', text: 'Charged twice for the same subscription, please fix this.' },
  { lang: 'en', text: '😂😂😂' },
  { lang: 'en', text: '<img src=x onerror="alert(1)"> <script>alert(2)</script> just testing your filters' },
  { lang: 'fr', text: 'Z̷̢̛a̸l̴g̵o̶ ̷v̸o̵u̴s̸ ̶s̷a̵l̸u̷e̸ — ‮erèiv sed tse’c‬ et un texte à l’envers' },
];
