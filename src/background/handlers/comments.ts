import browser from 'webextension-polyfill';
import { CLASSIFIER_VERSION, classify } from '../../classifier';
import type { CsHandlers } from '../../messages';
import type { Classification, ObservedComment } from '../../shared/comment';
import { commentKey } from '../../shared/comment';
import { CATALOGS, resolveLanguage, subCatalog } from '../../shared/locale';
import type { HandlerContext } from '../../storage/context';
import { withCorrections } from '../../storage/corrections';
import { watchWrite } from '../../storage/health';
import { ingest, type Observation } from '../../storage/ingest';
import { readSavedReplies } from '../../storage/saved-replies';
import { readSettings } from '../../storage/settings';
import { adviceFor } from '../assistant';
import { currentAdjustment } from '../learning';
import { recordStatus, updateTabState } from '../tab-state';
import { createStoredNews, tellTab } from '../tell-tabs';
import { createWriteQueue } from '../write-queue';

/** The CM's own comments are logged but not classified as incoming. */
const OWN_COMMENT: Classification = {
  label: 'neutral',
  scores: { troll: 0, unhappy_customer: 0, threat: 0, neutral: 1 },
  intensity: 0,
  lang: 'und',
  uncertain: false,
  cues: [{ kind: 'own_account' }],
  version: CLASSIFIER_VERSION,
};

/** The _locales keys the in-page badges and cards use. */
const CONTENT_STRING_PREFIXES = ['label', 'badge', 'card', 'tactic', 'action', 'cue', 'level_', 'intensity'];

/**
 * Tells a tab, in one message, which of its `keys` the CM revealed before (in an earlier visit, another
 * tab, the dashboard). `revealed` is what the write found for its whole batch, other tabs' comments too.
 */
function tellRevealed(tabId: number, keys: readonly string[], revealed: readonly string[]): void {
  const own = new Set(keys);
  const commentKeys = revealed.filter((key) => own.has(key));
  if (commentKeys.length > 0) void tellTab(tabId, { type: 'bg→cs:revealed', commentKeys });
}

/** Comments read by the content scripts: classified, logged once, and answered with their verdicts. */
export function commentHandlers({
  db,
  now,
  health,
}: HandlerContext): CsHandlers<'cs→bg:comments-observed' | 'cs→bg:page-status' | 'cs→bg:settings'> {
  const enqueueWrite = createWriteQueue<Observation, string[]>((observations) =>
    watchWrite(health, now(), () => ingest(db, observations, { now: now() })),
  );
  const tellStored = createStoredNews();

  return {
    async 'cs→bg:comments-observed'(message, tab) {
      const [settings, adjustment] = await Promise.all([readSettings(db), currentAdjustment(db)]);
      const keys = message.comments.map(commentKey);
      // The CM's corrections are the verdicts of the comments they corrected, here and in what is stored.
      const classifications = await withCorrections(
        db,
        keys,
        message.comments.map((comment: ObservedComment) =>
          comment.isOwn ? OWN_COMMENT : classify(comment.text, { adjustment }),
        ),
      );
      const observations = message.comments.map((comment: ObservedComment, i) => ({
        comment,
        classification: classifications[i] as Classification,
        sessionId: message.sessionId,
        keepText: settings.keepText,
      }));
      const advice = await adviceFor(
        db,
        observations.map((o, i) => ({ ...o.comment, ...o.classification, key: keys[i] as string })),
        now(),
        settings,
      );
      // Answer first, write after: the page is badged and shielded even if the database refuses the rows,
      // and no read waits behind another batch's write. The tab keeps each comment until it hears that it
      // was stored. Whether the CM had already revealed one is known once it is written: until then it is
      // shielded, the safe side.
      void enqueueWrite(observations).then(
        (revealed) => {
          tellStored(tab.id, message.sessionId, keys, true);
          tellRevealed(tab.id, keys, revealed);
        },
        () => tellStored(tab.id, message.sessionId, keys, false),
      );
      void updateTabState(tab.id, (state) => ({ ...state, keys: [...new Set([...state.keys, ...keys])] }));
      return {
        verdicts: observations.map((o, i) => {
          const key = keys[i] as string;
          return {
            key,
            classification: o.classification,
            tactics: advice.get(key) ?? [],
            revealed: false,
          };
        }),
      };
    },

    async 'cs→bg:page-status'(message, tab) {
      await recordStatus(tab.id, message.status, now());
      return { ok: true };
    },

    async 'cs→bg:settings'() {
      const [settings, ownReplies] = await Promise.all([readSettings(db), readSavedReplies(db)]);
      const language = resolveLanguage(settings.language, browser.i18n.getUILanguage());
      return {
        ownHandles: settings.ownHandles,
        shield: settings.shield,
        brand: settings.brandNames[0] ?? '',
        tone: settings.tone,
        ownReplies,
        language,
        strings: subCatalog(CATALOGS[language], CONTENT_STRING_PREFIXES),
      };
    },
  };
}
