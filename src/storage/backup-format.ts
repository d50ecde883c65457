/** The full-backup file: the CM's own data, every table, as JSON. Restore and the research CLI read it. */
import type {
  ActionRow,
  ActivityRow,
  CheckInRow,
  CommentRow,
  CorrectionRow,
  EvidenceRow,
  SettingRow,
} from './schema';

export const BACKUP_FORMAT = 'desaffect-backup';

/** Every table but `dayTotals`, which is derived from `comments` and rebuilt as a restore writes them. */
export interface BackupTables {
  comments: CommentRow[];
  actions: ActionRow[];
  activity: ActivityRow[];
  checkins: CheckInRow[];
  evidence: EvidenceRow[];
  settings: SettingRow[];
  corrections: CorrectionRow[];
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  /** The database schema version (Dexie `version(n)`) the tables were read from. */
  schemaVersion: number;
  extensionVersion: string;
  /** ISO 8601. */
  createdAt: string;
  tables: BackupTables;
}
