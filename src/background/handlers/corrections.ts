/** The CM's corrections: saved, learned from at once, listed with how often the classifier now agrees. */
import { CLASSIFIER_VERSION, correctionFeatures, loadModel } from '../../classifier';
import { heldOutAgreement } from '../../classifier/adjustment';
import type { CorrectionResult } from '../../classifier/messages';
import type { CsHandlers, UiHandlers } from '../../messages';
import type { Label } from '../../shared/comment';
import type { HandlerContext } from '../../storage/context';
import {
  asCorrected,
  classificationOf,
  learnableCorrections,
  resetLearning,
  saveCorrection,
} from '../../storage/corrections';
import { forgetAdjustment } from '../learning';

/** The comments these corrections concern are few; the list shows the latest. */
const LISTED = 200;

async function correct(
  { db, now }: HandlerContext,
  commentKey: string,
  to: Label,
  pageText: string | null,
): Promise<CorrectionResult> {
  const comment = await db.comments.get(commentKey);
  if (!comment) return { ok: false, reason: 'unknown' };
  const text = pageText ?? comment.text;
  if (text === null) return { ok: false, reason: 'no_text' };
  const features = correctionFeatures(text);
  // The CM's word is the comment's label from now on, everywhere (ingest and restore keep it).
  const classification = asCorrected(classificationOf(comment), to);
  await db.transaction('rw', [db.comments, db.corrections], async () => {
    await saveCorrection(db, { comment, to, classifierVersion: CLASSIFIER_VERSION, ...features }, now());
    const { label, uncertain, cues } = classification;
    await db.comments.update(commentKey, { label, uncertain, cues });
  });
  return { ok: true, corrections: (await learnableCorrections(db)).length, classification };
}

export function correctionCsHandlers(context: HandlerContext): CsHandlers<'cs→bg:correct-label'> {
  return {
    'cs→bg:correct-label': (message) => correct(context, message.commentKey, message.to, message.text),
  };
}

export function correctionHandlers(
  context: HandlerContext,
): UiHandlers<'ui→bg:correct-label' | 'ui→bg:corrections' | 'ui→bg:reset-learning'> {
  const { db, now } = context;
  return {
    'ui→bg:correct-label': (message) => correct(context, message.commentKey, message.to, null),
    async 'ui→bg:corrections'() {
      const learning = await learnableCorrections(db);
      const latest = await db.corrections.orderBy('at').reverse().limit(LISTED).toArray();
      const comments = await db.comments.bulkGet(latest.map((c) => c.commentKey));
      return {
        corrections: latest.map((c, i) => ({
          commentKey: c.commentKey,
          at: c.at,
          platform: c.platform,
          from: c.from,
          to: c.to,
          text: comments[i]?.text ?? null,
          revealed: comments[i]?.revealedAt !== undefined,
          label: comments[i]?.label ?? c.to,
        })),
        learning: learning.length,
        agreement: heldOutAgreement(loadModel(), learning),
      };
    },
    async 'ui→bg:reset-learning'() {
      await resetLearning(db, now());
      forgetAdjustment();
      return { ok: true };
    },
  };
}
