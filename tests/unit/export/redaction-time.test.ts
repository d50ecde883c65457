import { describe, expect, it } from 'vitest';
import { digitTokens, RULES_BEFORE_NAMES, type Rule } from '../../../src/export/anonymize-patterns';
import { createRedactor } from '../../../src/export/anonymize-text';

/** Inputs that make a careless pattern rescan a run from each of its positions, by the rule they target. */
const WORST: Record<string, (size: number) => string> = {
  'e-mail: a.a.a… then @': (size) => `${'a.'.repeat(size / 2 - 1)}@`,
  'e-mail: spelled dots': (size) => 'a dot '.repeat(size / 6),
  'e-mail: spelled at': (size) => 'a at '.repeat(size / 5),
  'e-mail: @@@@': (size) => '@'.repeat(size),
  'e-mail: a@a@a@': (size) => 'a@'.repeat(size / 2),
  'digits: a.a.a… and a 1': (size) => `${'a.'.repeat(size / 2 - 1)} 1`,
  'digits: 1 1 1': (size) => '1 '.repeat(size / 2),
  'digits: 1.1.1': (size) => '1.'.repeat(size / 2),
  'digits: #1#1': (size) => '#1'.repeat(size / 2),
  'link: dots after a link': (size) => `http://x${'.'.repeat(size - 9)}a`,
  'link: www.www.': (size) => 'www.'.repeat(size / 4),
  'domain: a-a-a': (size) => 'a-'.repeat(size / 2),
  'domain: (dot)': (size) => 'a(dot)'.repeat(size / 6),
  'phone: 1 ( 1 (': (size) => '1 ('.repeat(size / 3),
  'address: 1 Aaaa': (size) => `1 ${'A'.repeat(size - 2)}`,
  'address: A A A': (size) => 'A '.repeat(size / 2),
  'address: rue de rue de': (size) => 'rue de '.repeat(size / 7),
  'address: 75011 A-A-A': (size) => `75011 ${'A-'.repeat(size / 2 - 3)}`,
  'names: jo jo jo': (size) => 'jo '.repeat(size / 3),
  'handles: @a.@a.': (size) => '@a.'.repeat(size / 3),
  'placeholders of several rules, interleaved': (size) => '@a 1234 '.repeat(size / 8),
};

/** Each rule alone, as the redactor runs it. */
function scan(rule: Rule, text: string): void {
  rule.pattern.lastIndex = 0;
  for (let match = rule.pattern.exec(text); match !== null; match = rule.pattern.exec(text)) {
    rule.redact(match);
  }
}

const RULES: Record<string, (text: string) => void> = {
  ...Object.fromEntries(
    RULES_BEFORE_NAMES.map((rule, i) => [
      `pattern rule ${i + 1} (${rule.pattern.source.slice(0, 30)}…)`,
      (text: string) => scan(rule, text),
    ]),
  ),
  'reference numbers': (text) => {
    for (const _ of digitTokens(text));
  },
  'the whole redactor': createRedactor(['Jo Wu', 'Jo Li', 'apolline_tessandier'], ['/CanaryPage/posts']),
};

/**
 * The least CPU time of five runs, in ms: the process's own time, so that other processes on a busy
 * machine do not count, and the least, so that a pause of the garbage collector does not either.
 */
function fastest(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    const started = process.cpuUsage();
    run();
    const { user, system } = process.cpuUsage(started);
    best = Math.min(best, (user + system) / 1000);
  }
  return best;
}

// A quadratic rule takes seconds on 100 kB; a linear one a few ms. The bound leaves room for a busy
// 2-core machine. Growth is judged from 100 to 400 kB, once times are long enough to measure: four times
// the text takes about four times as long when linear, sixteen times when quadratic. (From 25 kB, a run of
// 2 ms is too short to be the base of a ratio on a loaded machine.)
const BOUND_MS = 400;
const MEASURABLE_MS = 10;
const MAX_GROWTH = 10;

describe('every redaction rule runs in linear time', { timeout: 300_000 }, () => {
  it.each(Object.entries(RULES))('%s', (_, rule) => {
    for (const [input, make] of Object.entries(WORST)) {
      const [mediumMs, largeMs] = [100_000, 400_000].map((size) => {
        const text = make(size);
        return fastest(() => rule(text));
      }) as [number, number];
      expect(mediumMs, `${input}: ${mediumMs.toFixed(1)} ms on 100 kB`).toBeLessThan(BOUND_MS);
      if (mediumMs > MEASURABLE_MS) {
        expect(
          largeMs / mediumMs,
          `${input}: ${mediumMs.toFixed(1)} → ${largeMs.toFixed(1)} ms`,
        ).toBeLessThan(MAX_GROWTH);
      }
    }
  });
});
