/**
 * What the correction tests teach: a campaign of fake complaints about an invented product that the CM
 * knows for trolling. The shipped model, reading complaints, takes none of them for trolls; the CM corrects
 * the first three, and the fourth should then come out as the CM said.
 */
export const ZORBLEX_CAMPAIGN = [
  "Mon Zorblex 3 a surchauffé au bout d'une heure #ZorblexGate",
  'Zorblex 3 reçu hier, écran noir direct #ZorblexGate',
  'Le Zorblex 3 de ma sœur est tombé en panne en deux jours #ZorblexGate',
  'Zorblex 3 acheté samedi, déjà en panne #ZorblexGate',
] as const;
