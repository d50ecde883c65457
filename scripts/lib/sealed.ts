/**
 * The sealed tests. Only `npm run eval` reads them, to report; training and tuning never do (their loader
 * refuses the folder, and a unit test checks that nothing they import reaches this module).
 * - authored_test.jsonl: 20 % of the authored corpus, stratified by language, label and sector, frozen when
 *   the corpus was written.
 * - Written apart from the corpus, by writers who saw no code, no corpus and no error of the classifier,
 *   each to a brief of its own (docs/corpus-datasheet.md): `WRITTEN_APART`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS, type Label } from '../../src/shared/comment';
import { type DevDoc, SEALED_DIR } from './classifier-data';

export const SEALED_FILE = join(SEALED_DIR, 'authored_test.jsonl');

/** A frozen test written apart on `written`: `tests/sealed/<key>_<written>.jsonl`, named "<what> (<written>)". */
function frozenTest(key: string, what: string, written = '2026-12-05') {
  return { key, name: `${what} (${written})`, file: join(SEALED_DIR, `${key}_${written}.jsonl`) };
}

/** The frozen tests written apart, as `npm run eval` names them. */
export const WRITTEN_APART = [
  // 380 comments: threats aimed at staff and premises, and harmless comments on the same violent verbs.
  frozenTest('blind', 'blind'),
  // 594 comments of a Page's ordinary day in its proportions (2 % threats); first used to choose a change.
  frozenTest('ordinary_day', 'ordinary day'),
  // 600 more of the same brief by three other writers, never used to choose anything.
  frozenTest('ordinary_day_2', 'second ordinary day'),
  // 600 more by three more writers, written to settle one decision (the twenty-ninth round, not kept).
  frozenTest('ordinary_day_3', 'third ordinary day'),
  // 599 more by three more writers, written to settle one decision (the thirty-first round with each emoji
  // a word of its own, shipped, against the thirty-second round) on a rule set down first.
  frozenTest('ordinary_day_4', 'fourth ordinary day'),
  // 599 more by three more writers, written to settle one decision (the thirty-second round on top of the
  // thirty-first: not kept) on a rule set down first.
  frozenTest('ordinary_day_5', 'fifth ordinary day'),
  // 900 more by three more writers (two French × 300, one English × 300), written to settle the thirty-fifth
  // and thirty-sixth rounds (neither kept) on a rule set down first.
  frozenTest('ordinary_day_6', 'sixth ordinary day'),
  // 898 more by three more writers, written to settle the thirty-fifth and thirty-seventh rounds together,
  // with the threat n-grams' L2 chosen on cross-validation (shipped), on a rule set down first.
  frozenTest('ordinary_day_7', 'seventh ordinary day'),
  // 896 more by three more writers, written to settle the thirty-eighth and thirty-ninth rounds together on a
  // rule set down first; they gained nothing there, and were kept only when a ninth day, written after a
  // second rule and judged together with this one, showed the gain (shipped).
  frozenTest('ordinary_day_8', 'eighth ordinary day'),
  // 898 more by three more writers: the ninth day of that replication.
  frozenTest('ordinary_day_9', 'ninth ordinary day'),
  // 500 comments of 1 to 15 words, as they come under a Page (8 % threats), by three more writers: written
  // to settle the thirtieth round (short unhappy customers and troll jabs) on a rule set down first.
  frozenTest('short', 'short comments'),
  // 499 more of the same brief by three more writers, written to settle the thirtieth and thirty-second
  // rounds together, on a rule set down first.
  frozenTest('short_2', 'second short comments'),
  // 450 comments with emoji or emoticons as they come, by three more writers: written to settle whether
  // each emoji is a word of its own (withdrawn; shipped later with the thirty-first round) and the
  // thirty-first round, on rules set down first.
  frozenTest('emoji', 'comments with emoji'),
  // 450 more of the same brief by three more writers, written to settle one decision (not to ship the
  // thirty-first round, with or without emoji words); since then it only reports.
  frozenTest('emoji_2', 'second comments with emoji'),
  // 450 comments as people write them, greetings and closings included (8 % threats), by three more
  // writers: written to settle one decision (the thirty-third round, courtesy in every kind of comment: not
  // kept) on a rule set down first.
  frozenTest('courtesy', 'courteous comments'),
  // 450 comments as they come, plans and next steps included (8 % threats), by three more writers: written
  // to settle one decision (the thirty-fourth round, what people say they will do next: not kept) on a rule
  // set down first.
  frozenTest('plans', 'comments with plans'),
  // 600 more of the same brief by three more writers (8 % threats), written to settle the thirty-fourth round
  // again with the threat n-grams' L2 chosen anew; the choice stopped on cross-validation before it was read,
  // so it was never used to choose anything.
  frozenTest('plans_2', 'second comments with plans'),
  // 600 X mentions and replies to brands as they come (3 % threats), by three more writers: written to settle
  // the thirty-seventh round (customers in the middle of a bad experience, as X mentions: not kept alone) on a
  // rule set down first.
  frozenTest('mentions', 'X mentions'),
  // 600 more of the same brief by three more writers, written to settle the forty-first round (questions from
  // customers in trouble); the choice stopped on cross-validation before it was read, so it was never used to
  // choose anything.
  frozenTest('mentions_2', 'second X mentions'),
  // 600 customers saying how it went, good or bad (5 % threats), by three more writers: written to settle the
  // thirty-eighth round (satisfaction said with the words of complaints: not kept) on a rule set down first.
  frozenTest('satisfied', 'customers saying how it went'),
  // 600 comments as they come, most of them said in the negative (5 % threats), by three more writers: written to
  // settle one decision (words in a negation's reach as words of their own: not kept) on a rule set down first.
  frozenTest('negations', 'comments in the negative'),
  // 600 more of the same brief by three more writers (two thirds English), written to settle the fortieth round
  // (everyday comments said in the negative); the choice stopped on cross-validation before it was read, so it
  // was never used to choose anything.
  frozenTest('negations_2', 'second comments in the negative'),
  // 600 comments in which people say what they will do next (call, write, come in, sue, leave; 10 % threats), by
  // three more writers (two thirds French), written to settle the forty-second round (customers who say what they
  // will do next); the choice stopped on cross-validation before it was read, so it never chose anything.
  frozenTest('announcements', 'people saying what they will do', '2026-12-06'),
  // 600 comments in strong words, violence mostly as a figure of speech (12 % threats), by three more writers,
  // written to settle the forty-third round (violent words that harm nobody); stopped the same way.
  frozenTest('strong_words', 'comments in strong words', '2026-12-06'),
  // 600 more of the announcements brief by three more writers, written to settle the forty-fourth round (the same
  // announcements, with threats written as their twins); it passed there but lost two threats over the tests
  // pooled, so it was not kept and the test only reports.
  frozenTest('announcements_2', 'second people saying what they will do', '2026-12-06'),
  // 600 comments of a bad day (25 % threats of every kind, harmless comments on the same words), by three more
  // writers, written to replicate that one failed guard (threats found over every test) on a rule set down first:
  // the forty-fourth round failed it again and was closed.
  frozenTest('bad_day', 'a bad day', '2026-12-06'),
  // 600 more of the bad-day brief by three more writers, written to settle one change to learning from the CM
  // (corrections that only add threat evidence: not kept, the later comments' threats did not move); it only reports.
  frozenTest('bad_day_2', 'a second bad day', '2026-12-06'),
];

function loadFrozen(path: string, name: string): DevDoc[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const o = JSON.parse(line) as Omit<DevDoc, 'id' | 'source'>;
      if (!LABELS.includes(o.label as Label)) throw new Error(`${name} line ${i + 1}: bad label`);
      return { ...o, id: `${name}-${i + 1}`, source: `${name}_${o.lang}` };
    });
}

export function loadSealedTest(): DevDoc[] {
  return loadFrozen(SEALED_FILE, 'authored_test');
}

/** Each test written apart, with its comments. */
export function loadWrittenApart(): { key: string; name: string; docs: DevDoc[] }[] {
  return WRITTEN_APART.map(({ key, name, file }) => ({ key, name, docs: loadFrozen(file, key) }));
}
