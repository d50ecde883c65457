/**
 * Language by stop words: the closed-class words of French and English (articles, pronouns, auxiliaries)
 * tell the two apart even in a short comment; French accents settle a tie.
 */
export const FR_WORDS: ReadonlySet<string> = new Set(
  'le la les des du de un une et est je tu il elle nous vous ils pas ne que qui pour dans sur avec mais ou au aux ce ces cette mon ma mes ton ta tes votre vos son sa ses plus tout tres bien fait ai suis sont etre avoir toujours jamais rien merci bonjour depuis comme quand aussi encore va vais c j l d qu n m t s ca leur sont chez alors donc parce oui non mdr ptdr quoi moi toi'.split(
    ' ',
  ),
);
export const EN_WORDS: ReadonlySet<string> = new Set(
  'the a an and is are was were i you he she we they it not no to of in on for with but or this that my your our their his her have has had be been will would just what why how all still never thanks thank please from at by so if do does did dont don can get got me im its it ll ve about out up who there lol yes very really since'.split(
    ' ',
  ),
);
