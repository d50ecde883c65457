import { describe, expect, it } from 'vitest';
import {
  fillPlaceholders,
  REPLY_TACTICS,
  replyLanguage,
  suggestReplies,
  TOPICS,
  textLanguage,
  topicOf,
} from '../../../src/tactics/replies';

const values = { brand: 'Acme', name: 'Camille', link: 'https://x.com/c/status/1', platform: 'x' as const };
const ask = (over: Partial<Parameters<typeof suggestReplies>[0]> = {}) =>
  suggestReplies({
    tactic: 'restraint',
    language: 'fr',
    tone: 'vous',
    topic: 'general',
    values,
    ...over,
  }).map((s) => s.text);

describe('suggestReplies', () => {
  it('fits the reply to the complaint’s topic', () => {
    expect(ask({ topic: 'delivery' })[0]).toContain('commande');
    expect(ask({ topic: 'billing', language: 'en' })[0]).toContain('bill');
    expect(ask({ tactic: 'private_message', topic: 'account' })[0]).toContain('jamais votre mot de passe');
  });

  it('says tu or vous as the brand does', () => {
    const vous = ask({ topic: 'delivery' }).join(' ');
    const tu = ask({ topic: 'delivery', tone: 'tu' }).join(' ');
    expect(vous).toMatch(/\bvotre commande\b/);
    expect(vous).not.toMatch(/\b(ta|ton|toi|te)\b/);
    expect(tu).toMatch(/\bta commande\b/);
    expect(tu).not.toMatch(/\b(votre|vous)\b/);
  });

  it('offers two or three wordings for every tactic with text, topic, tone and language', () => {
    for (const tactic of REPLY_TACTICS)
      for (const topic of TOPICS)
        for (const tone of ['vous', 'tu'] as const)
          for (const language of ['fr', 'en'] as const) {
            const texts = ask({ tactic, topic, tone, language });
            expect(texts.length).toBeGreaterThanOrEqual(2);
            expect(texts.length).toBeLessThanOrEqual(3);
            for (const text of texts) expect(text).not.toMatch(/[{}[\]<>|]/);
          }
  });

  it('never shows a placeholder raw, and reads well without its value', () => {
    const empty = { ...values, brand: '', name: '', link: '' };
    for (const tactic of REPLY_TACTICS)
      for (const language of ['fr', 'en'] as const)
        for (const text of ask({ tactic, language, values: empty })) {
          expect(text).not.toMatch(/\{|\}| [,.]|\( ?\)/);
        }
    expect(ask({ tactic: 'humour', values: empty })[0]).toContain('si on peut vous aider, on est là');
    expect(ask({ tactic: 'private_message', values: empty })[0]).toMatch(/^Bonjour, nous voulons/);
  });

  it('writes French with no-break spaces before : ; ! ?', () => {
    expect(ask({ tactic: 'humour' })[0]).toContain('on est là\u202f!');
    expect(ask({ tactic: 'private_message' })[0]).toContain('avec vous\u00a0:');
  });

  it('puts the CM’s own replies for that tactic, language, topic and tone first', () => {
    const own = [
      { tactic: 'restraint', topic: 'any', language: 'fr', tone: 'any', text: 'Pour tous {name}' },
      { tactic: 'restraint', topic: 'delivery', language: 'fr', tone: 'tu', text: 'Ta commande, {name} !' },
      { tactic: 'restraint', topic: 'billing', language: 'fr', tone: 'any', text: 'Facture' },
      { tactic: 'emoji', topic: 'any', language: 'fr', tone: 'any', text: 'Autre tactique' },
      { tactic: 'restraint', topic: 'any', language: 'en', tone: 'any', text: 'English' },
    ] as const;
    const suggestions = suggestReplies({
      tactic: 'restraint',
      language: 'fr',
      tone: 'tu',
      topic: 'delivery',
      values,
      own,
    });
    expect(suggestions.slice(0, 3)).toEqual([
      { text: 'Ta commande, Camille !', own: true },
      { text: 'Pour tous Camille', own: true },
      { text: expect.stringContaining('ta commande'), own: false },
    ]);
  });
});

describe('fillPlaceholders', () => {
  it('never expands a placeholder found inside a value', () => {
    expect(fillPlaceholders('Hello {name}, {link}', { ...values, name: '{link}{brand}' })).toBe(
      'Hello {link}{brand}, https://x.com/c/status/1',
    );
  });

  it('drops an optional part whose placeholder has no value, and a bare placeholder with its space', () => {
    expect(fillPlaceholders('Merci< {name}> ! Voir {link}.', { ...values, name: ' ', link: '' })).toBe(
      'Merci ! Voir.',
    );
  });
});

describe('topicOf', () => {
  it('takes the most decisive complaint cue', () => {
    expect(topicOf([{ kind: 'insult' }, { kind: 'complaint_refund' }, { kind: 'complaint_delay' }])).toBe(
      'refund',
    );
    expect(topicOf([{ kind: 'mockery' }])).toBe('general');
  });
});

describe('textLanguage', () => {
  it('answers the commenter in their language, and speaks to colleagues in the CM’s', () => {
    expect(textLanguage('restraint', 'fr', 'en')).toBe('fr');
    expect(textLanguage('escalate', 'fr', 'en')).toBe('en');
    expect(textLanguage('share_colleague', 'en', 'fr-FR')).toBe('fr');
  });
});

describe('replyLanguage', () => {
  it('answers in the comment’s language, else the interface’s', () => {
    expect(replyLanguage('fr', 'en-US')).toBe('fr');
    expect(replyLanguage('en', 'fr')).toBe('en');
    expect(replyLanguage('und', 'fr-BE')).toBe('fr');
    expect(replyLanguage('de', 'en-GB')).toBe('en');
  });
});
