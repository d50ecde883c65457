import type { DesaffectDb } from '../../storage/db';

/** What every service-worker handler may use. */
export interface HandlerContext {
  db: DesaffectDb;
  now(): number;
}
