/**
 * The popup's state, apart from its components: the tab's queue of comments to handle, in an order that
 * never moves under the CM's eyes, which one is open, what each action answered, which wording of a reply
 * is shown. Preact signals; everything it needs from the extension comes through a `PopupPort`, so the
 * unit tests drive it without a DOM or a browser.
 */
import { batch, computed, signal } from '@preact/signals';
import type { DaySummary } from '../exposure/model';
import type { CheckInTrigger } from '../exposure/wellbeing';
import type { Label } from '../shared/comment';
import type { Settings } from '../shared/settings';
import { shouldShield } from '../shared/shield';
import {
  type ActionChoice,
  type EscalationResult,
  escalationKeys,
  type InsertOutcome,
  insertKey,
} from '../tactics/messages';
import { keepOrder } from '../tactics/priority';
import type { Reply } from '../ui/client';
import { failureKey } from '../ui/storage-full';

export type TabView = Reply<'ui→bg:tab-comments'>;
export type QueueComment = TabView['comments'][number];

/** What the popup asks of the extension (ui/client.ts in the popup, fakes in the tests). */
export interface PopupPort {
  summary(): Promise<DaySummary>;
  /** The check-in due now (after a threat, at the end of the day), if any. */
  checkInDue(): Promise<CheckInTrigger | null>;
  /** The tab's comments, or null when the popup speaks about no tab. */
  tabComments(): Promise<TabView | null>;
  logAction(key: string, choice: ActionChoice): Promise<void>;
  escalate(key: string): Promise<EscalationResult>;
  correct(key: string, to: Label): Promise<{ ok: true } | { ok: false; reason: string }>;
  showInPage(key: string): Promise<boolean>;
  /** Insert into the reply box of the comment `key`, in its tab. */
  insert(key: string, text: string): Promise<InsertOutcome>;
  copy(text: string): Promise<void>;
  /** Deletes what is older than 30 days (evidence kept) when the browser's storage is full. */
  freeSpace(): Promise<void>;
}

/** Posts shown but no comment read for this long: the site's layout has probably changed. */
const UNREADABLE_AFTER_MS = 10_000;

/** How an action went: catalogue keys, one sentence each (the component words them); none to say nothing. */
export type Outcome = readonly string[];

export function createPopupModel(port: PopupPort, settings: Settings, now: () => number = Date.now) {
  const view = signal<TabView | null>(null);
  const summary = signal<DaySummary | null>(null);
  const unavailable = signal(false);
  /** The service worker answered once: only then can the popup say that it speaks about no page. */
  const loaded = computed(() => summary.value !== null);
  /** The queue's keys in the order first shown; see keepOrder. */
  const order = signal<readonly string[]>([]);
  /** The open comment, if any: the queue starts as one line per comment, the CM opens what they read. */
  const expanded = signal<string | null>(null);
  const outcomes = signal<Readonly<Record<string, Outcome>>>({});
  /** Which wording of a reply shows, by `commentKey tactic`. */
  const wordings = signal<Readonly<Record<string, number>>>({});
  /** The check-in due when the popup opened, one line until the CM chooses to answer it. */
  const dueCheckIn = signal<CheckInTrigger | null>(null);
  const answeringCheckIn = signal(false);

  const queue = computed(() =>
    keepOrder(
      order.value,
      (view.value?.comments ?? [])
        .filter((comment) => !comment.isOwn)
        .map((comment) => ({
          ...comment,
          label: comment.classification.label,
          intensity: comment.classification.intensity,
        })),
    ),
  );

  const status = computed(() => view.value?.status ?? null);
  const unreadable = computed(() => {
    const page = status.value;
    return (
      page !== null &&
      page.postsVisible > 0 &&
      page.commentsRead === 0 &&
      now() - page.since > UNREADABLE_AFTER_MS
    );
  });

  /** Handled: the CM logged what they did about it (a tactic, or choosing to do nothing). */
  const isHandled = (comment: QueueComment) => comment.actions.length > 0;

  const isShielded = (comment: QueueComment) =>
    shouldShield(
      settings.shield[comment.classification.label],
      comment.classification.intensity,
      comment.revealed,
    );

  async function loadCheckIn(): Promise<void> {
    dueCheckIn.value = await port.checkInDue().catch(() => null);
  }

  async function refresh(): Promise<void> {
    try {
      const [nextSummary, nextView] = await Promise.all([port.summary(), port.tabComments()]);
      batch(() => {
        summary.value = nextSummary;
        view.value = nextView;
        unavailable.value = false;
        order.value = queue.value.map((comment) => comment.key);
      });
    } catch {
      unavailable.value = true;
    }
  }

  function toggle(key: string): void {
    expanded.value = expanded.value === key ? null : key;
  }

  /** Opens the next comment not handled yet after `key` (from the top once past the end); returns it. */
  function next(key: string): string | null {
    const items = queue.value;
    const from = items.findIndex((comment) => comment.key === key);
    const after = [...items.slice(from + 1), ...items.slice(0, Math.max(from, 0))];
    const found = after.find((comment) => !isHandled(comment))?.key ?? null;
    expanded.value = found;
    return found;
  }

  async function run(key: string, action: () => Promise<Outcome>): Promise<void> {
    let outcome: Outcome;
    try {
      outcome = await action();
    } catch (error) {
      outcome = [failureKey(error, 'cardFailed')];
    }
    outcomes.value = { ...outcomes.value, [key]: outcome };
  }

  const afterChange = async (outcome: Outcome) => {
    await refresh();
    return outcome;
  };

  return {
    summary,
    unavailable,
    loaded,
    queue,
    status,
    unreadable,
    expanded,
    outcomes,
    dueCheckIn,
    answeringCheckIn,
    loadCheckIn,
    /** Saved or dismissed: the line goes. */
    checkInDone(): void {
      batch(() => {
        dueCheckIn.value = null;
        answeringCheckIn.value = false;
      });
    },
    isHandled,
    isShielded,
    refresh,
    toggle,
    next,
    freeSpace: async () => {
      await port.freeSpace().catch(() => undefined);
      await refresh();
    },
    log: (key: string, choice: ActionChoice) =>
      run(key, async () => {
        await port.logAction(key, choice);
        return afterChange(['cardLogged']);
      }),
    escalate: (key: string) =>
      run(key, async () => {
        return afterChange(escalationKeys(await port.escalate(key)));
      }),
    correct: (key: string, to: Label) =>
      run(key, async () => {
        const result = await port.correct(key, to);
        if (!result.ok) return [result.reason === 'no_text' ? 'cardCorrectNoText' : 'cardFailed'];
        return afterChange(['cardCorrected']);
      }),
    showInPage: (key: string) =>
      run(key, async () => ((await port.showInPage(key)) ? [] : ['popupNotOnScreen'])),
    insert: (key: string, text: string) => run(key, async () => [insertKey(await port.insert(key, text))]),
    copy: (key: string, text: string) =>
      run(key, async () => {
        await port.copy(text);
        return ['cardCopied'];
      }),
    /** Shows the next of `count` wordings of a tactic's reply for a comment. */
    otherWording(key: string, tactic: string, count: number): void {
      const slot = `${key} ${tactic}`;
      wordings.value = { ...wordings.value, [slot]: ((wordings.value[slot] ?? 0) + 1) % count };
    },
    wordingOf: (key: string, tactic: string) => wordings.value[`${key} ${tactic}`] ?? 0,
  };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
