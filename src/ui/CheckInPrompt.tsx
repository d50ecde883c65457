import { useId, useState } from 'preact/hooks';
import { CHECK_IN_TAGS } from '../exposure/messages';
import type { CheckInTrigger } from '../exposure/wellbeing';
import { ask } from './client';
import { t } from './i18n';
import { failureKey } from './storage-full';
import './wellbeing.css';

type Tag = (typeof CHECK_IN_TAGS)[number];
const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * "How affected are you?" 1–5, optional feelings and a private note. Mount it when `ui→bg:checkin-due`
 * answers a trigger (the popup), or with trigger "manual" for a check-in of the CM's own accord.
 * `onDone` runs once the answer is saved or the prompt dismissed.
 */
export function CheckInPrompt({ trigger, onDone }: { trigger: CheckInTrigger | 'manual'; onDone(): void }) {
  const [score, setScore] = useState<number | null>(null);
  const [tags, setTags] = useState<Tag[]>([]);
  const [note, setNote] = useState('');
  /** Why the last answer was not saved: a catalogue key. */
  const [failed, setFailed] = useState<string | null>(null);
  // Two prompts may share a page (the due one and the manual one): each needs its own radio group.
  const scoreGroup = useId();

  const send = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        setScore(null);
        setTags([]);
        setNote('');
        onDone();
      },
      (error) => setFailed(failureKey(error)),
    );
  const save = (event: Event) => {
    event.preventDefault();
    if (score !== null) void send(ask({ type: 'ui→bg:save-checkin', score, tags, note, trigger }));
  };
  const toggle = (tag: Tag) =>
    setTags((current) => (current.includes(tag) ? current.filter((x) => x !== tag) : [...current, tag]));

  return (
    <form class="checkin" onSubmit={save} data-testid="checkin-form">
      <fieldset>
        <legend>
          {trigger === 'threat'
            ? t('dashCheckInAfterThreat')
            : trigger === 'end_of_day'
              ? t('dashCheckInEndOfDay')
              : ''}
          {t('dashCheckInQuestion')}
        </legend>
        <div class="scale">
          {SCORES.map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={scoreGroup}
                value={value}
                checked={score === value}
                onChange={() => setScore(value)}
              />
              {value} <span class="muted">{t(`dashCheckInScore${value}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('dashCheckInTags')}</legend>
        <div class="tags">
          {CHECK_IN_TAGS.map((tag) => (
            <label key={tag}>
              <input type="checkbox" checked={tags.includes(tag)} onChange={() => toggle(tag)} />
              {t(`dashTag_${tag}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <label class="note">
        {t('dashCheckInNote')}
        <textarea
          maxLength={2_000}
          rows={2}
          value={note}
          onInput={(event) => setNote(event.currentTarget.value)}
        />
      </label>
      {failed && <p class="notice">{t(failed)}</p>}
      <div class="buttons">
        <button type="submit" disabled={score === null}>
          {t('dashCheckInSave')}
        </button>
        {trigger !== 'manual' && (
          <button type="button" onClick={() => send(ask({ type: 'ui→bg:dismiss-checkin', trigger }))}>
            {t('dashCheckInNotNow')}
          </button>
        )}
      </div>
    </form>
  );
}
