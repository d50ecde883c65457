/** Test histories for the research export: one seeded with identifying "canary" strings everywhere. */
import {
  type Classification,
  type CueKind,
  commentKey,
  type Label,
  type Platform,
} from '../../../src/shared/comment';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import type { BackupTables } from '../../../src/storage/backup-format';
import type { ActionRow, CheckInRow, CommentRow, CorrectionRow } from '../../../src/storage/schema';

/** Strings that identify someone; none may appear in any exported byte (searched case-insensitively). */
export const CANARIES = [
  // commenters' handles and display names
  'canary_troll99',
  'KanariFan',
  'Canarini',
  'Jean-Baptiste',
  'Oiselle',
  'Zéphyrine',
  'Zephyrine',
  // the CM's own handles, brands and page names
  'BrandCanaryOfficial',
  'canarybrandfb',
  'Canaribrand',
  'CanaryPageName',
  // e-mails, phones, URLs
  'mailcanary',
  'jean.canarini',
  '06 18 90 81 99',
  '0618908199',
  '+33 6 18 90 81 99',
  '7946 0958',
  'canary-shop',
  'canaryshop',
  // order, ticket and account numbers
  'CMD-90818',
  'A19B80',
  '98109',
  'FR7630001',
  // postal addresses
  'rue des Canaris',
  '75011',
  'Baker Street',
  'avenue Oiseleur',
  // comment ids, thread keys, permalinks
  '1890818190',
  '1890800001',
  '9081809',
  'facebook.com',
  'x.com/',
  // evidence only
  'evidence-only-secret',
  // short names, known only as a whole ("Jo Wu"), and names in compatibility letters
  'Jo Wu',
  'Ky Vo',
  'Dupontel',
  'Cunégonde',
  'Cunegonde',
  '𝐃𝐮𝐩𝐨𝐧𝐭𝐞𝐥',
  'Ｄｕｐｏｎｔｅｌ',
  '０６ １８ ９０ ８１ ９９',
  // free-form values of an edited backup, in fields that have a closed vocabulary
  'LEAKYLANG',
  'LEAKYLABEL',
  'LEAKYPLATFORM',
  'LEAKYTRIGGER',
  'LEAKYTAG',
  'LEAKYCUE',
  'LEAKYDAY',
];

const at = (day: number, hour: number, minute = 17) => Date.UTC(2026, 10, day, hour, minute);
const dayOf = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);

export const hostile: Classification = {
  label: 'troll',
  scores: { troll: 0.81234, unhappy_customer: 0.1, threat: 0.05, neutral: 0.04 },
  intensity: 0.7777,
  lang: 'fr',
  uncertain: false,
  cues: [
    { kind: 'insult', quote: 'Canarini' },
    { kind: 'threat', quote: 'rue des Canaris' },
    // A cue kept from before typed cues (a restored schema-2 backup): its text is a quote too.
    { kind: 'legacy', quote: 'mentions canaribrand' },
    { kind: 'shouting' },
  ],
  version: '2+000000000000',
};

interface CommentSeed {
  platform: Platform;
  id: string;
  threadKey: string;
  authorHandle: string;
  authorName: string;
  text: string | null;
  permalink: string | null;
  firstSeen: number;
  isOwn?: boolean;
  classification?: Classification;
}

export function commentRow(seed: CommentSeed): CommentRow {
  return {
    ...(seed.classification ?? hostile),
    platform: seed.platform,
    id: seed.id,
    key: commentKey(seed),
    threadKey: seed.threadKey,
    authorHandle: seed.authorHandle,
    authorName: seed.authorName,
    text: seed.text,
    createdAt: new Date(seed.firstSeen - 60_000).toISOString(),
    createdAtPrecision: 'second',
    permalink: seed.permalink,
    isReply: true,
    isOwn: seed.isOwn ?? false,
    firstSeen: seed.firstSeen,
    lastSeen: seed.firstSeen + 1_000,
    timesSeen: 2,
    lastSessionId: 'session-1890818190',
    day: dayOf(seed.firstSeen),
  };
}

const CANARY_TEXTS = [
  '@canary_troll99 et Jean-Baptiste CANARINI vous êtes nuls, écrivez à jean.canarini@mailcanary.fr',
  'Appelez-moi au 06 18 90 81 99 ou 0618908199 ou +33 6 18 90 81 99, à Londres +44 20 7946 0958.',
  'Ma commande CMD-90818 (ticket #A19B80, dossier 98109, IBAN FR7630001) jamais livrée au 18 rue des Canaris, 75011 Paris',
  'Voir https://canary-shop.example/track?id=777 et canaryshop.fr/suivi, ou 221B Baker Street, 4 avenue Oiseleur.',
  'zephyrine oiselle dit que Canaribrand et CanaryPageName mentent, KanariFan aussi, BrandCanaryOfficial répond pas',
];

/**
 * Comments that name no one, so the canary rows share their day and kind with k - 1 others and stay in
 * the export: in the canary threads, by regulars who write on both days (2 to 5 comments each, like the
 * canary commenters) or by one-off commenters (like the authors of the tricky comments).
 */
function fillers(
  platform: Platform,
  day: number,
  count: number,
  authors: 'regulars' | 'one-off' | 'own' = 'regulars',
): CommentRow[] {
  return Array.from({ length: count }, (_, i) => {
    const handle = { regulars: `filler_${i}`, 'one-off': `once_${day}_${i}`, own: 'BrandCanaryOfficial' }[
      authors
    ];
    return commentRow({
      platform,
      id: `filler-${platform}-${day}-${authors}-${i}`,
      // In the canary thread of the platform: one thread band for every row of a platform.
      threadKey: platform === 'x' ? '1890800001' : '/CanaryPageName/posts/9081809',
      authorHandle: handle,
      authorName: authors === 'own' ? 'Canaribrand' : `Filler Person ${i}`,
      text: `Encore un commentaire ordinaire, le numéro ${i}.`,
      permalink: null,
      firstSeen: at(day, 10 + i),
      isOwn: authors === 'own',
    });
  });
}

/** Comments on an edited backup's free-form fields and on names the redactor must fold or assemble. */
function trickyComments(): CommentRow[] {
  const base = {
    platform: 'facebook' as const,
    threadKey: '/CanaryPageName/posts/9081809',
    permalink: null,
    authorHandle: '',
  };
  return [
    commentRow({
      ...base,
      id: '90818091',
      authorName: 'Jo Wu',
      text: 'Jo Wu ici, et je connais Ky Vo : jo-wu et KY VO sont fâchés. Le jour où tu es venu, jo !',
      firstSeen: at(20, 11, 40),
    }),
    commentRow({
      ...base,
      id: '90818092',
      authorName: 'Ky Vo',
      text: '𝐃𝐮𝐩𝐨𝐧𝐭𝐞𝐥 et Ｄｕｐｏｎｔｅｌ et D̸u̸p̸o̸n̸t̸e̸l̸, appelez le ０６ １８ ９０ ８１ ９９ ou ＠canary_troll99',
      firstSeen: at(21, 11, 40),
      classification: {
        ...hostile,
        lang: 'LEAKYLANG',
        cues: [
          { kind: 'LEAKYCUE' as CueKind, quote: 'Dupontel' },
          { kind: 'insult', quote: 'Dupontel' },
        ],
      },
    }),
    commentRow({
      ...base,
      id: '90818093',
      authorName: 'Cunégonde Dupontel',
      text: 'Cunegonde DUPONTEL, cunégonde dupontel.',
      firstSeen: at(20, 12, 40),
    }),
  ];
}

export function canaryHistory(): BackupTables {
  const comments: CommentRow[] = [
    commentRow({
      platform: 'x',
      id: '1890818190',
      threadKey: '1890800001',
      authorHandle: 'canary_troll99',
      authorName: 'Jean-Baptiste Canarini',
      text: CANARY_TEXTS[0] as string,
      permalink: 'https://x.com/canary_troll99/status/1890818190',
      firstSeen: at(20, 9),
    }),
    ...CANARY_TEXTS.slice(1).map((text, i) =>
      commentRow({
        platform: 'facebook',
        id: `9081809${i}`,
        threadKey: '/CanaryPageName/posts/9081809',
        authorHandle: i % 2 ? 'KanariFan' : '',
        authorName: 'Zéphyrine Oiselle',
        text,
        permalink: `https://www.facebook.com/CanaryPageName/posts/9081809?comment_id=9081809${i}`,
        firstSeen: at(20 + (i % 2), 10 + i),
      }),
    ),
    commentRow({
      platform: 'x',
      id: '1890818191',
      threadKey: '1890800001',
      authorHandle: 'BrandCanaryOfficial',
      authorName: 'Canaribrand',
      text: 'Bonjour @canary_troll99, écrivez-nous en DM (CMD-90818).',
      permalink: 'https://x.com/BrandCanaryOfficial/status/1890818191',
      firstSeen: at(21, 16),
      isOwn: true,
    }),
    commentRow({
      platform: 'x',
      id: '1890818192',
      threadKey: '1890800001',
      authorHandle: 'canary_troll99',
      authorName: 'Jean-Baptiste Canarini',
      text: null,
      permalink: null,
      firstSeen: at(21, 18),
    }),
  ];
  const actions: ActionRow[] = comments.map((row, i) => ({
    id: i + 1,
    commentKey: row.key,
    tactic: i === 2 ? 'Canarini custom tactic' : i === 3 ? 'LEAKYTACTIC_canarini' : 'acknowledge_and_move',
    at: row.firstSeen + 120_000,
    day: row.day,
    platform: row.platform,
    label: i === 4 ? ('LEAKYLABEL' as Label) : row.label,
  }));
  comments.push(
    ...trickyComments(),
    ...fillers('x', 20, 5),
    ...fillers('x', 21, 5),
    ...fillers('facebook', 20, 5),
    ...fillers('facebook', 21, 5),
    ...fillers('facebook', 20, 5, 'one-off'),
    ...fillers('facebook', 21, 5, 'one-off'),
    ...fillers('x', 21, 5, 'own'),
    // A row from an edited backup with a day that is not a day.
    { ...(comments[0] as CommentRow), key: 'x:1890818199', id: '1890818199', day: 'LEAKYDAY' },
  );
  // Enough actions alike for the canary ones to be published too.
  for (const row of comments.filter((comment) => comment.id.startsWith('filler-'))) {
    actions.push({
      id: actions.length + 1,
      commentKey: row.key,
      tactic: 'hide',
      at: row.firstSeen + 60_000,
      day: row.day,
      platform: row.platform,
      label: row.label,
    });
  }
  const checkins: CheckInRow[] = [
    {
      id: 1,
      at: at(20, 19),
      day: '2026-11-20',
      score: 4,
      tags: ['angry', 'Canarini', 'LEAKYTAG', 'tired', 'angry'],
      note: 'Encore @canary_troll99 (Jean-Baptiste Canarini) qui menace, 18 rue des Canaris, tel 06 18 90 81 99',
      trigger: 'threat',
    },
    {
      id: 2,
      at: at(21, 21),
      day: '2026-11-21',
      score: 2,
      tags: [],
      note: 'Canaribrand devrait répondre à jean.canarini@mailcanary.fr, voir canaryshop.fr/suivi CMD-90818',
      trigger: 'end_of_day',
    },
    {
      id: 3,
      at: at(21, 22),
      day: '2026-11-21',
      score: 3,
      tags: [],
      note: '',
      trigger: 'LEAKYTRIGGER' as CheckInRow['trigger'],
    },
  ];
  // The CM's correction of the canary comment: its key names the comment, and corrections never leave.
  const corrections: CorrectionRow[] = [
    {
      commentKey: comments[0]?.key as string,
      at: at(20, 9, 45),
      day: '2026-11-20',
      platform: 'x',
      lang: 'fr',
      from: 'troll',
      to: 'threat',
      classifierVersion: '2+000000000000',
      gram: [12, 4_096, 59_999],
      structured: [0, 7],
    },
  ];
  return {
    comments,
    actions,
    corrections,
    activity: [
      { day: '2026-11-20', platform: 'x', activeMs: 3_600_000, first: at(20, 8), last: at(20, 20) },
      { day: '2026-11-21', platform: 'facebook', activeMs: 1_234_567, first: at(21, 9), last: at(21, 22) },
      {
        day: '2026-11-21',
        platform: 'LEAKYPLATFORM' as Platform,
        activeMs: 60_000,
        first: at(21, 9),
        last: at(21, 10),
      },
    ],
    checkins,
    evidence: [
      {
        id: 1,
        commentKey: comments[0]?.key as string,
        at: at(20, 9, 30),
        updatedAt: at(20, 9, 30),
        firstSeen: null,
        screenshotAt: at(20, 9, 30),
        platform: 'x',
        permalink: 'https://x.com/canary_troll99/status/1890818190',
        authorHandle: 'canary_troll99',
        authorName: 'Jean-Baptiste Canarini',
        text: 'evidence-only-secret threat',
        createdAt: null,
        createdAtPrecision: null,
        screenshot: 'data:image/png;base64,evidence-only-secret',
      },
    ],
    settings: [
      {
        key: 'settings',
        value: {
          ...DEFAULT_SETTINGS,
          ownHandles: { x: ['BrandCanaryOfficial'], facebook: ['canarybrandfb'] },
          brandNames: ['Canaribrand'],
        },
      },
    ],
  };
}

/** A history of `count` comments from `authors` commenters, spread over days; for volume and k tests. */
export function syntheticHistory(count: number, authors = 500, days = 30): BackupTables {
  const labels = ['troll', 'unhappy_customer', 'threat', 'neutral'] as const;
  const comments: CommentRow[] = [];
  const actions: ActionRow[] = [];
  const start = Date.UTC(2026, 9, 1, 8);
  for (let i = 0; i < count; i++) {
    const author = i % authors;
    const label = labels[i % 4 === 3 && i % 7 !== 0 ? 3 : i % 3] as (typeof labels)[number];
    const row = commentRow({
      platform: i % 5 === 0 ? 'facebook' : 'x',
      id: `${100_000_000 + i}`,
      threadKey: `${i % 97}`,
      authorHandle: `user_${author}`,
      authorName: `User ${author}`,
      text: `Message ${i} de @user_${author}: commande CMD-${10_000 + i}, appelez le 06 12 34 ${String(i % 100).padStart(2, '0')} 78`,
      permalink: `https://x.com/user_${author}/status/${100_000_000 + i}`,
      firstSeen: start + Math.floor((i / count) * days) * 86_400_000 + (i % 600) * 60_000,
      classification: { ...hostile, label, cues: [{ kind: 'insult', quote: `mot${i}` }] },
    });
    comments.push(row);
    if (i % 10 === 0) {
      actions.push({
        id: actions.length + 1,
        commentKey: row.key,
        tactic: 'no_action',
        at: row.firstSeen + 60_000,
        day: row.day,
        platform: row.platform,
        label: row.label,
      });
    }
  }
  return { comments, actions, activity: [], checkins: [], evidence: [], settings: [], corrections: [] };
}
