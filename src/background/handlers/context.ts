import type { DesaffectDb } from '../../storage/db';
import type { StorageHealth } from '../storage-health';

/** What every service-worker handler may use. */
export interface HandlerContext {
  db: DesaffectDb;
  now(): number;
  health: StorageHealth;
}
