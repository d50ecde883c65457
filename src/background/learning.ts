/**
 * What the device learned from the CM's corrections, kept in memory and relearned from the database after
 * the corrections change, a reset, or a service-worker restart (a few milliseconds for hundreds of
 * corrections).
 */
import Dexie from 'dexie';
import { loadModel } from '../classifier';
import { learnAdjustment } from '../classifier/adjustment';
import type { Adjustment } from '../classifier/engine';
import { learnableCorrections } from '../storage/corrections';
import type { DesaffectDb } from '../storage/db';

let learned: Promise<Adjustment> | null = null;

/**
 * Whatever writes the corrections table — a correction, a restore, the retention purge, deleting
 * everything — is relearned from: Dexie says which tables each committed transaction changed. Listened to
 * from the first time anything is learned, not on import.
 */
const CORRECTIONS_TABLE = /^idb:\/\/[^/]*\/corrections\//;
let watchingCorrections = false;
function forgetWhenCorrectionsChange(): void {
  if (watchingCorrections) return;
  watchingCorrections = true;
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((part) => CORRECTIONS_TABLE.test(part))) forgetAdjustment();
  });
}

export function currentAdjustment(db: DesaffectDb): Promise<Adjustment> {
  forgetWhenCorrectionsChange();
  if (!learned) {
    learned = learnableCorrections(db).then((rows) => learnAdjustment(loadModel(), rows));
    // A failed read is not cached: the next comment tries again.
    learned.catch(() => {
      learned = null;
    });
  }
  return learned;
}

export function forgetAdjustment(): void {
  learned = null;
}
