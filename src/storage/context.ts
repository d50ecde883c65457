import type { DesaffectDb } from './db';
import type { StorageHealth } from './health';

/** What every service-worker handler may use. */
export interface HandlerContext {
  db: DesaffectDb;
  now(): number;
  health: StorageHealth;
}
