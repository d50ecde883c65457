/** The popup's model, driven through a fake port: no DOM, no browser. */
import { describe, expect, it } from 'vitest';
import { createPopupModel, type PopupPort, type QueueComment, type TabView } from '../../../src/popup/model';
import type { Label } from '../../../src/shared/comment';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { StorageFull } from '../../../src/ui/storage-full';

function comment(
  key: string,
  label: Label,
  intensity = 0.4,
  change: Partial<QueueComment> = {},
): QueueComment {
  return {
    key,
    classification: {
      label,
      intensity,
      scores: { troll: 0, unhappy_customer: 0, threat: 0, neutral: 0, [label]: 1 },
      lang: 'fr',
      uncertain: false,
      cues: [],
      version: 'test',
    },
    tactics: ['restraint', 'private_message'],
    revealed: false,
    answered: false,
    actions: [],
    platform: 'x',
    authorHandle: key,
    authorName: key,
    text: `text of ${key}`,
    permalink: null,
    createdAt: null,
    firstSeen: 0,
    isOwn: false,
    ...change,
  };
}

/** A tab whose comments the test changes, and a log of what the model asked. */
function fakePort(comments: QueueComment[]) {
  const tab: TabView = { status: null, comments };
  const asked: string[] = [];
  const port: PopupPort = {
    summary: async () => ({
      day: '2026-12-03',
      byLabel: { troll: 1, unhappy_customer: 1, threat: 1, neutral: 0 },
      total: 3,
      activeMs: 0,
      firstActivity: null,
      storageFull: false,
    }),
    tabComments: async () => structuredClone(tab),
    checkInDue: async () => 'threat',
    async logAction(key, choice) {
      asked.push(`log ${key} ${choice}`);
      const logged = tab.comments.find((c) => c.key === key);
      if (logged) {
        logged.actions.push(choice);
        logged.answered = choice === 'restraint';
      }
    },
    escalate: async (key) => {
      asked.push(`escalate ${key}`);
      return { evidenceId: 1, updated: true, capture: 'not_allowed', hasScreenshot: false } as const;
    },
    correct: async () => ({ ok: false, reason: 'no_text' }),
    showInPage: async () => false,
    insert: async (key, text) => {
      asked.push(`insert ${key} ${text}`);
      return key === 'gone' ? 'comment_gone' : 'replaced';
    },
    copy: async () => {
      throw new Error('clipboard refused');
    },
    freeSpace: async () => {
      asked.push('free space');
    },
  };
  return { tab, port, asked };
}

describe('the popup model', () => {
  it('lists threats first, one line each, none open until the CM opens one', async () => {
    const { port } = fakePort([
      comment('troll', 'troll'),
      comment('customer', 'unhappy_customer'),
      comment('threat', 'threat'),
    ]);
    const model = createPopupModel(port, DEFAULT_SETTINGS);
    await model.refresh();
    expect(model.queue.value.map((c) => c.key)).toEqual(['threat', 'customer', 'troll']);
    expect(model.expanded.value).toBeNull();
    model.toggle('customer');
    expect(model.expanded.value).toBe('customer');
    model.toggle('customer');
    expect(model.expanded.value).toBeNull();
  });

  it('keeps a handled comment in its place, marked handled, and "Next" opens the following one', async () => {
    const { port, asked } = fakePort([
      comment('customer', 'unhappy_customer'),
      comment('troll', 'troll'),
      comment('other-customer', 'unhappy_customer', 0.3),
    ]);
    const model = createPopupModel(port, DEFAULT_SETTINGS);
    await model.refresh();
    const before = model.queue.value.map((c) => c.key);
    await model.log('customer', 'restraint');
    expect(asked).toEqual(['log customer restraint']);
    // Answered customers rank last, but the one the CM just answered stays where it was.
    expect(model.queue.value.map((c) => c.key)).toEqual(before);
    const handled = model.queue.value.find((c) => c.key === 'customer');
    expect(handled && model.isHandled(handled)).toBe(true);
    expect(model.outcomes.value.customer).toEqual(['cardLogged']);
    expect(model.next('customer')).toBe('other-customer');
    expect(model.expanded.value).toBe('other-customer');
  });

  it('"Next" wraps to the top, and says there is nothing left once all are handled', async () => {
    const { port } = fakePort([comment('a', 'threat'), comment('b', 'troll')]);
    const model = createPopupModel(port, DEFAULT_SETTINGS);
    await model.refresh();
    expect(model.next('b')).toBe('a');
    await model.log('a', 'escalate');
    await model.log('b', 'no_action');
    expect(model.next('b')).toBeNull();
  });

  it('shields as the settings say until the service worker says the CM revealed it, and words each outcome', async () => {
    const { port, tab } = fakePort([comment('threat', 'threat', 0.7), comment('mild', 'troll', 0.2)]);
    const model = createPopupModel(port, DEFAULT_SETTINGS);
    await model.refresh();
    const [threat, mild] = model.queue.value;
    expect(threat && model.isShielded(threat)).toBe(true);
    expect(mild && model.isShielded(mild)).toBe(false);
    // Revealed anywhere (ShieldedText here, the page, the dashboard): the tab's view says so.
    (tab.comments[0] as QueueComment).revealed = true;
    await model.refresh();
    const revealed = model.queue.value[0];
    expect(revealed && model.isShielded(revealed)).toBe(false);

    await model.escalate('threat');
    // The record brought up to date, then why there is no screenshot: one sentence each.
    expect(model.outcomes.value.threat).toEqual(['cardEvidenceUpdated', 'cardShotNotAllowed']);
    await model.copy('mild', 'text');
    expect(model.outcomes.value.mild).toEqual(['cardFailed']);
    await model.correct('mild', 'neutral');
    expect(model.outcomes.value.mild).toEqual(['cardCorrectNoText']);
    await model.showInPage('mild');
    expect(model.outcomes.value.mild).toEqual(['popupNotOnScreen']);
  });

  it('says that nothing was saved because the storage is full, when the service worker says so', async () => {
    const { port } = fakePort([comment('threat', 'threat', 0.7)]);
    const model = createPopupModel(
      {
        ...port,
        logAction: () => Promise.reject(new StorageFull('ui→bg:log-action')),
        escalate: () => Promise.reject(new Error('not answering')),
      },
      DEFAULT_SETTINGS,
    );
    await model.refresh();
    await model.log('threat', 'no_action');
    expect(model.outcomes.value.threat).toEqual(['storageFullNotSaved']);
    await model.escalate('threat');
    expect(model.outcomes.value.threat).toEqual(['cardFailed']);
  });

  it('inserts into the reply box of the comment it was asked for, and says how that went', async () => {
    const { port, asked } = fakePort([comment('mild', 'troll'), comment('gone', 'troll')]);
    const model = createPopupModel(port, DEFAULT_SETTINGS);
    await model.refresh();
    await model.insert('mild', 'Bonjour');
    expect(asked).toContain('insert mild Bonjour');
    expect(model.outcomes.value.mild).toEqual(['cardReplaced']);
    await model.insert('gone', 'Bonjour');
    expect(model.outcomes.value.gone).toEqual(['cardCommentGone']);
  });

  it('cycles through the wordings of a reply, per comment and tactic', async () => {
    const { port } = fakePort([comment('a', 'unhappy_customer')]);
    const model = createPopupModel(port, DEFAULT_SETTINGS);
    model.otherWording('a', 'restraint', 2);
    expect(model.wordingOf('a', 'restraint')).toBe(1);
    expect(model.wordingOf('a', 'private_message')).toBe(0);
    model.otherWording('a', 'restraint', 2);
    expect(model.wordingOf('a', 'restraint')).toBe(0);
  });

  it('keeps the due check-in to one line until the CM answers it, and drops it once done', async () => {
    const { port } = fakePort([]);
    const model = createPopupModel(port, DEFAULT_SETTINGS);
    await model.loadCheckIn();
    expect(model.dueCheckIn.value).toBe('threat');
    expect(model.answeringCheckIn.value).toBe(false);
    model.answeringCheckIn.value = true;
    model.checkInDone();
    expect([model.dueCheckIn.value, model.answeringCheckIn.value]).toEqual([null, false]);
  });

  it('says when the service worker does not answer', async () => {
    const { port } = fakePort([]);
    const model = createPopupModel(
      { ...port, summary: () => Promise.reject(new Error('gone')) },
      DEFAULT_SETTINGS,
    );
    await model.refresh();
    expect(model.unavailable.value).toBe(true);
    expect(model.loaded.value).toBe(false);
  });

  it('is loaded once the service worker answered, about a tab or not', async () => {
    const model = createPopupModel({ ...fakePort([]).port, tabComments: async () => null }, DEFAULT_SETTINGS);
    expect(model.loaded.value).toBe(false);
    await model.refresh();
    expect([model.loaded.value, model.status.value]).toEqual([true, null]);
  });
});
