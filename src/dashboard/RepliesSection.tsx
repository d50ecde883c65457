import { useState } from 'preact/hooks';
import { REPLY_TACTICS, TOPICS } from '../tactics/replies';
import {
  MAX_SAVED_REPLIES,
  parseRepliesFile,
  type RepliesChange,
  type RepliesOutcome,
  repliesFile,
  type SavedReply,
} from '../tactics/saved-replies';
import { ask } from '../ui/client';
import { downloadBlob } from '../ui/download';
import { formatNumber } from '../ui/format';
import { t, tn } from '../ui/i18n';
import { JsonFileButton } from '../ui/JsonFileButton';
import { Select } from '../ui/Select';
import { StatusNote } from '../ui/StatusNote';
import { failureKey } from '../ui/storage-full';
import { tacticName } from '../ui/tactics';
import { useReply } from '../ui/useReply';
import './settings.css';

const BLANK: Omit<SavedReply, 'id'> = {
  tactic: 'restraint',
  topic: 'any',
  language: 'fr',
  tone: 'any',
  text: '',
};

/** Add or edit one reply: which tactic, topic, language and tone it is for, and its text. */
function ReplyForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: Omit<SavedReply, 'id'>;
  onSave(reply: Omit<SavedReply, 'id'>): void;
  onCancel?: () => void;
}) {
  const [reply, setReply] = useState(initial);
  const set = (change: Partial<SavedReply>) => setReply({ ...reply, ...change });
  const choice = <K extends 'tactic' | 'topic' | 'language' | 'tone'>(
    field: K,
    labelKey: string,
    options: readonly SavedReply[K][],
    name: (option: SavedReply[K]) => string,
  ) => (
    <label class="inline">
      {t(labelKey)}
      <Select
        value={reply[field]}
        options={options}
        name={name}
        onChange={(value) => set({ [field]: value } as Partial<SavedReply>)}
      />
    </label>
  );
  return (
    <form
      class="reply-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (reply.text.trim()) onSave({ ...reply, text: reply.text.trim() });
      }}
    >
      <div class="choices">
        {choice('tactic', 'replyTactic', REPLY_TACTICS, tacticName)}
        {choice('topic', 'replyTopic', ['any', ...TOPICS], (topic) => t(`topic_${topic}`))}
        {choice('language', 'replyLanguage', ['fr', 'en'], (language) => t(`language_${language}`))}
        {choice('tone', 'replyTone', ['any', 'vous', 'tu'], (tone) =>
          tone === 'any' ? t('topic_any') : t(`tone_${tone}`),
        )}
      </div>
      <label>
        {t('replyText')}
        <textarea
          rows={3}
          maxLength={2_000}
          value={reply.text}
          onInput={(e) => set({ text: e.currentTarget.value })}
        />
      </label>
      <div class="actions">
        <button type="submit" disabled={!reply.text.trim()}>
          {onCancel ? t('replySave') : t('replyAdd')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('dashCancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** What the CM is told after a change of their list. */
function outcomeText(change: RepliesChange, outcome: RepliesOutcome): string {
  if (!outcome.ok)
    return outcome.reason === 'limit' ? t('repliesLimit', formatNumber(MAX_SAVED_REPLIES)) : t('repliesGone');
  if (change.kind !== 'import') return t('repliesSaved');
  const imported = tn('repliesImported', outcome.added);
  if (outcome.leftOut === 0) return imported;
  return `${imported} ${tn('repliesLeftOut', outcome.leftOut, [formatNumber(outcome.leftOut), formatNumber(MAX_SAVED_REPLIES)])}`;
}

/** The CM's own replies: offered first in the popup for their tactic; added, edited, imported, exported. */
export function RepliesSection() {
  const { reply: stored, failed, reload } = useReply({ type: 'ui→bg:saved-replies' });
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  if (failed) return <p class="notice">{t('popupUnavailable')}</p>;
  if (!stored) return <p class="muted">{t('dashLoading')}</p>;

  /** The service worker applies the change to the list as stored; this page then shows it again. */
  const change = async (what: RepliesChange) => {
    try {
      const outcome = await ask({ type: 'ui→bg:change-replies', change: what });
      if (outcome.ok) setEditing(null);
      setStatus({ text: outcomeText(what, outcome), error: !outcome.ok || outcome.leftOut > 0 });
    } catch (error) {
      setStatus({ text: t(failureKey(error)), error: true });
    }
    reload();
  };
  const importFile = async (text: string) => {
    const replies = parseRepliesFile(text);
    if (!replies) {
      setStatus({ text: t('repliesInvalid'), error: true });
      return;
    }
    await change({ kind: 'import', replies });
  };

  return (
    <div class="settings replies">
      <p class="muted">{t('repliesHelp')}</p>
      {stored.length === 0 && <p>{t('repliesNone')}</p>}
      <ul class="plain" data-testid="saved-replies">
        {stored.map((reply) =>
          editing === reply.id ? (
            <li key={reply.id}>
              <ReplyForm
                initial={reply}
                onCancel={() => setEditing(null)}
                onSave={(edited) => change({ kind: 'edit', reply: { ...edited, id: reply.id } })}
              />
            </li>
          ) : (
            <li key={reply.id} class="saved-reply">
              <p class="muted small">
                {[
                  tacticName(reply.tactic),
                  t(`topic_${reply.topic}`),
                  t(`language_${reply.language}`),
                  ...(reply.tone === 'any' ? [] : [t(`tone_${reply.tone}`)]),
                ].join(' · ')}
              </p>
              <p class="reply-text">{reply.text}</p>
              <div class="actions">
                <button type="button" onClick={() => setEditing(reply.id)}>
                  {t('replyEdit')}
                </button>
                <button type="button" onClick={() => change({ kind: 'delete', id: reply.id })}>
                  {t('replyDelete')}
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      <h3>{t('replyAdd')}</h3>
      <ReplyForm key={stored.length} initial={BLANK} onSave={(reply) => change({ kind: 'add', reply })} />
      <div class="actions">
        <button
          type="button"
          disabled={stored.length === 0}
          onClick={() => downloadBlob('desaffect-replies.json', repliesFile(stored), 'application/json')}
        >
          {t('repliesExport')}
        </button>
        <JsonFileButton label={t('repliesImport')} onFile={importFile} testId="replies-import" />
      </div>
      <StatusNote status={status} testId="replies-status" />
    </div>
  );
}
