import { describe, expect, it } from 'vitest';
import { DEFAULT_REPLIES, readyReply, replyLanguage } from '../../../src/tactics/replies';
import { TACTICS } from '../../../src/tactics/rules';

const values = { brand: 'Acme', name: 'Camille', link: 'https://x.com/c/status/1', platform: 'x' as const };

describe('readyReply', () => {
  it('fills the placeholders in the comment language', () => {
    expect(readyReply('restraint', 'fr', values)).toMatch(/^Bonjour Camille, nous sommes désolés/);
    expect(readyReply('restraint', 'en', values)).toMatch(/^Hello Camille, we’re sorry/);
    expect(readyReply('escalate', 'en', values)).toContain('on X: https://x.com/c/status/1.');
    expect(readyReply('humour', 'fr', values)).toContain('sur Acme, on est là');
  });

  it('uses the CM’s own wording when they edited it', () => {
    const overrides = { humour: { fr: 'Belle énergie {name} !' } };
    expect(readyReply('humour', 'fr', values, overrides)).toBe('Belle énergie Camille !');
    // The other language keeps the shipped wording.
    expect(readyReply('humour', 'en', values, overrides)).toBe(
      DEFAULT_REPLIES.humour?.en.replace('{brand}', 'Acme'),
    );
  });

  it('never expands a placeholder found inside a value', () => {
    const sneaky = { ...values, name: '{link}{brand}' };
    expect(readyReply('restraint', 'en', sneaky)).toContain('Hello {link}{brand},');
  });

  it('reads well without a name', () => {
    expect(readyReply('private_message', 'fr', { ...values, name: '' })).toMatch(/^Bonjour, nous voulons/);
  });

  it('has no text for the tactics that are guidance, and text in both languages for the others', () => {
    for (const tactic of ['ignore', 'hide', 'take_break'] as const)
      expect(readyReply(tactic, 'fr', values)).toBeNull();
    for (const tactic of TACTICS) {
      const reply = DEFAULT_REPLIES[tactic];
      if (reply) expect(reply.fr && reply.en).toBeTruthy();
    }
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
