// @vitest-environment jsdom
/**
 * Badges and shields whose comment left the window's surroundings are kept out of sight and shown again
 * for the next comment of the same kind: kept, they belong to no comment, are out of the Tab order and of
 * what screen readers read, and hold no focus; past the limit, they go.
 */
import { describe, expect, it } from 'vitest';
import { createSpares } from '../../src/content/overlay/spares';

function badge(key: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.dataset.key = key;
  element.tabIndex = 0;
  element.style.transform = 'translate(10px, 300px)';
  document.body.append(element);
  return element;
}

describe('spares', () => {
  it('keeps an element out of sight, with no comment and no focus, and gives it back for its own kind only', () => {
    const spares = createSpares<string, HTMLButtonElement>(4);
    const kept = badge('x:1');
    kept.focus();
    expect(document.activeElement).toBe(kept);
    spares.put('troll', kept);
    expect(kept.isConnected).toBe(true);
    expect(kept.dataset.key).toBeUndefined();
    expect(kept.tabIndex).toBe(-1);
    expect(kept.getAttribute('aria-hidden')).toBe('true');
    expect(kept.style.transform).not.toBe('translate(10px, 300px)');
    expect(document.activeElement).not.toBe(kept);
    expect(spares.take('threat')).toBeUndefined();
    const given = spares.take('troll');
    expect(given).toBe(kept);
    expect(given?.hasAttribute('aria-hidden')).toBe(false);
    expect(spares.take('troll')).toBeUndefined();
  });

  it('removes what it cannot keep, and everything on clear', () => {
    const spares = createSpares<string, HTMLButtonElement>(2);
    const [a, b, c] = [badge('x:1'), badge('x:2'), badge('x:3')];
    for (const element of [a, b, c]) spares.put('neutral', element);
    expect([a.isConnected, b.isConnected, c.isConnected]).toEqual([true, true, false]);
    spares.clear();
    expect([a.isConnected, b.isConnected]).toEqual([false, false]);
    expect(spares.take('neutral')).toBeUndefined();
  });
});
