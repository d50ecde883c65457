/**
 * Per-day totals of the incoming comments (`dayTotals`, see DayTotalsRow), so the dashboard reads one small
 * row per day instead of every comment.
 *
 * They are kept in step by a Dexie middleware under every write to `comments` — ingest, restore, the
 * retention purge, "delete everything", a reveal, a test's bulkPut — in the same IndexedDB transaction:
 * it reads the rows a write replaces or deletes, and adds the difference to the days concerned. A write
 * that fails or is rolled back takes its totals with it. Version 2's upgrade builds them from the rows
 * already stored (rebuildDayTotals).
 */
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
  Transaction,
} from 'dexie';
import { LABELS, type Label, PLATFORMS, type Platform } from '../shared/comment';
import type { CommentRow, DayTotalsRow } from '../storage/schema';

const DAY_TOTALS_TABLE = 'dayTotals';
const COMMENTS_TABLE = 'comments';
export const QUARTER_HOUR_MS = 900_000;
const MICRO = 1_000_000;
/** DBCoreRangeType.Any (a const enum, not importable under isolatedModules): the whole table. */
const WHOLE_TABLE = 3;

function emptyDayTotals(day: string): DayTotalsRow {
  const perLabel = <T>(make: () => T) =>
    Object.fromEntries(LABELS.map((label) => [label, make()])) as Record<Label, T>;
  return {
    day,
    counts: Object.fromEntries(PLATFORMS.map((p) => [p, perLabel(() => 0)])) as Record<
      Platform,
      Record<Label, number>
    >,
    intensityMicro: perLabel(() => 0),
    quarters: perLabel(() => ({})),
  };
}

function isEmpty(totals: DayTotalsRow): boolean {
  return PLATFORMS.every((p) => LABELS.every((label) => totals.counts[p][label] === 0));
}

function isCounted(row: unknown): row is CommentRow {
  const r = row as Partial<CommentRow> | undefined;
  return (
    !!r &&
    r.isOwn !== true &&
    typeof r.day === 'string' &&
    PLATFORMS.includes(r.platform as Platform) &&
    LABELS.includes(r.label as Label) &&
    Number.isFinite(r.firstSeen)
  );
}

/** Adds (sign 1) or takes away (sign -1) one comment's share of its day. The CM's own comments have none. */
function addComment(totals: Map<string, DayTotalsRow>, row: unknown, sign: 1 | -1): void {
  if (!isCounted(row)) return;
  let day = totals.get(row.day);
  if (!day) {
    day = emptyDayTotals(row.day);
    totals.set(row.day, day);
  }
  day.counts[row.platform][row.label] += sign;
  const intensity = Number.isFinite(row.intensity) ? row.intensity : 0;
  day.intensityMicro[row.label] += sign * Math.round(intensity * MICRO);
  addToQuarter(day.quarters[row.label], String(Math.floor(row.firstSeen / QUARTER_HOUR_MS)), sign);
}

function addToQuarter(quarters: Record<string, number>, quarter: string, count: number): void {
  const next = (quarters[quarter] ?? 0) + count;
  if (next === 0) delete quarters[quarter];
  else quarters[quarter] = next;
}

function addTotals(into: DayTotalsRow, delta: DayTotalsRow): DayTotalsRow {
  for (const label of LABELS) {
    for (const p of PLATFORMS) into.counts[p][label] += delta.counts[p][label];
    into.intensityMicro[label] += delta.intensityMicro[label];
    for (const [quarter, count] of Object.entries(delta.quarters[label])) {
      addToQuarter(into.quarters[label], quarter, count);
    }
  }
  return into;
}

function isNoChange(delta: DayTotalsRow): boolean {
  return (
    isEmpty(delta) &&
    LABELS.every(
      (label) => delta.intensityMicro[label] === 0 && Object.keys(delta.quarters[label]).length === 0,
    )
  );
}

/** The totals of these rows, computed from scratch: the upgrade uses it, and tests compare with it. */
export function dayTotalsOf(rows: Iterable<unknown>): DayTotalsRow[] {
  const totals = new Map<string, DayTotalsRow>();
  for (const row of rows) addComment(totals, row, 1);
  return [...totals.values()].filter((day) => !isEmpty(day)).sort((a, b) => (a.day < b.day ? -1 : 1));
}

/** Version 2's upgrade: totals for every day already in `comments`, one day of rows in memory at a time. */
export async function rebuildDayTotals(tx: Transaction): Promise<void> {
  const comments = tx.table<CommentRow, string>(COMMENTS_TABLE);
  const totals = tx.table<DayTotalsRow, string>(DAY_TOTALS_TABLE);
  await totals.clear();
  const days = (await comments.orderBy('day').uniqueKeys()) as string[];
  for (const day of days) {
    const [dayTotals] = dayTotalsOf(await comments.where('day').equals(day).toArray());
    if (dayTotals) await totals.put(dayTotals);
  }
}

function failed(response: DBCoreMutateResponse, index: number): boolean {
  return response.numFailures > 0 && response.failures[index] !== undefined;
}

function throwOnFailure(response: DBCoreMutateResponse): void {
  if (response.numFailures > 0) throw Object.values(response.failures)[0];
}

/** The `comments` table of the DBCore, with every write also applied to the day totals. */
function keepingTotals(comments: DBCoreTable, totals: DBCoreTable): DBCoreTable {
  const primaryKey = comments.schema.primaryKey;
  const keyOf = (value: unknown) => (primaryKey.extractKey as (value: unknown) => unknown)(value);

  async function applyDeltas(trans: DBCoreTransaction, deltas: Map<string, DayTotalsRow>): Promise<void> {
    const days = [...deltas.keys()].filter((day) => !isNoChange(deltas.get(day) as DayTotalsRow));
    if (days.length === 0) return;
    const stored: (DayTotalsRow | undefined)[] = await totals.getMany({ trans, keys: days });
    const puts: DayTotalsRow[] = [];
    const deletes: string[] = [];
    days.forEach((day, i) => {
      const next = addTotals(stored[i] ?? emptyDayTotals(day), deltas.get(day) as DayTotalsRow);
      if (isEmpty(next)) deletes.push(day);
      else puts.push(next);
    });
    if (puts.length > 0) throwOnFailure(await totals.mutate({ trans, type: 'put', values: puts }));
    if (deletes.length > 0) throwOnFailure(await totals.mutate({ trans, type: 'delete', keys: deletes }));
  }

  async function mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
    const { trans } = req;
    const deltas = new Map<string, DayTotalsRow>();
    if (req.type === 'deleteRange') {
      if (req.range.type === WHOLE_TABLE) {
        const response = await comments.mutate(req);
        if (response.numFailures === 0) await totals.mutate({ trans, type: 'deleteRange', range: req.range });
        return response;
      }
      const { result } = await comments.query({
        trans,
        query: { index: primaryKey, range: req.range },
        values: true,
      });
      const response = await comments.mutate(req);
      if (response.numFailures === 0) for (const row of result) addComment(deltas, row, -1);
      await applyDeltas(trans, deltas);
      return response;
    }
    const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map(keyOf));
    // An add never replaces a row: it fails when the key is taken.
    const before: unknown[] = req.type === 'add' ? [] : await comments.getMany({ trans, keys });
    const response = await comments.mutate(req);
    // The same key twice in one request: the second write replaces the first.
    const written = new Map<unknown, unknown>();
    keys.forEach((key, i) => {
      if (failed(response, i)) return;
      const previous = written.has(key) ? written.get(key) : before[i];
      const next = req.type === 'delete' ? undefined : req.values[i];
      addComment(deltas, previous, -1);
      addComment(deltas, next, 1);
      written.set(key, next);
    });
    await applyDeltas(trans, deltas);
    return response;
  }

  // Writes within one transaction take turns: each reads the totals the previous one wrote.
  const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();
  return {
    ...comments,
    mutate(req) {
      const run = (queues.get(req.trans) ?? Promise.resolve()).then(() => mutate(req));
      queues.set(
        req.trans,
        run.catch(() => undefined),
      );
      return run;
    },
  };
}

/** Registered by openDb. Absent tables (a schema before version 2, during an upgrade) leave it idle. */
export const dayTotalsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'dayTotals',
  create(down) {
    const names = down.schema.tables.map((table) => table.name);
    if (!names.includes(DAY_TOTALS_TABLE) || !names.includes(COMMENTS_TABLE)) return {};
    return {
      transaction(stores, mode, options) {
        const widened =
          mode === 'readwrite' && stores.includes(COMMENTS_TABLE) && !stores.includes(DAY_TOTALS_TABLE)
            ? [...stores, DAY_TOTALS_TABLE]
            : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return name === COMMENTS_TABLE ? keepingTotals(table, down.table(DAY_TOTALS_TABLE)) : table;
      },
    };
  },
};
