import type { DesaffectDb } from './db';
import type { StorageHealth } from './health';

/** What every service-worker handler may use: the database, whether it still accepts writes, a clock. */
export interface HandlerContext {
  db: DesaffectDb;
  now(): number;
  health: StorageHealth;
}
