/**
 * `npm run --silent classify`: JSON Lines in (`{"id", "text"}`), JSON Lines out, streaming, in order.
 */
import { createInterface } from 'node:readline';
import { classify } from '../src/classifier/index';

function handle(line: string): string {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch {
    return JSON.stringify({ id: null, error: 'invalid JSON' });
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    return JSON.stringify({ id: null, error: 'expected a JSON object' });
  }
  const o = obj as Record<string, unknown>;
  const id = typeof o.id === 'string' || typeof o.id === 'number' ? o.id : null;
  if (typeof o.text !== 'string') return JSON.stringify({ id, error: 'missing string field "text"' });
  try {
    const c = classify(o.text);
    return JSON.stringify({
      id,
      label: c.label,
      scores: c.scores,
      intensity: c.intensity,
      lang: c.lang,
      uncertain: c.uncertain,
      cues: c.cues,
      version: c.version,
    });
  } catch (e) {
    return JSON.stringify({ id, error: `classification failed: ${String(e)}` });
  }
}

async function main(): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let buf: string[] = [];
  const flush = async () => {
    if (buf.length === 0) return;
    const chunk = `${buf.join('\n')}\n`;
    buf = [];
    if (!process.stdout.write(chunk)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
  };
  for await (const line of rl) {
    if (line.trim() === '') continue;
    buf.push(handle(line));
    if (buf.length >= 256) await flush();
  }
  await flush();
}

main().catch((e) => {
  process.stderr.write(`classify: ${String(e)}\n`);
  process.exit(1);
});
