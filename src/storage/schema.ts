/** Row shapes of the Desaffect database. The service worker is the only writer. */
import type { Classification, Label, ObservedComment, Platform } from '../shared/comment';

export const DB_NAME = 'desaffect';
/** The newest `version(n)` declared in db.ts (a test keeps them equal); backups carry it. */
export const SCHEMA_VERSION = 1;

export interface CommentRow extends Omit<ObservedComment, 'text'>, Classification {
  /** `platform:id`, see commentKey(). */
  key: string;
  /** Null when the CM chose not to keep comment text. */
  text: string | null;
  /** Epoch ms when first and last seen in any tab. */
  firstSeen: number;
  lastSeen: number;
  /** Page sessions (tab loads) that showed this comment; a retried or re-rendered report counts once. */
  timesSeen: number;
  lastSessionId: string;
  /** Local calendar day of first sight, `YYYY-MM-DD`, for day aggregations. */
  day: string;
  /** When the CM chose to read it through the shield (not indexed: no schema version needed). */
  revealedAt?: number;
}

/** What the CM did about a comment ("I did this"), or that they chose to do nothing. */
export interface ActionRow {
  id?: number;
  commentKey: string;
  /** A tactic id from src/tactics, or 'no_action'. */
  tactic: string;
  at: number;
  day: string;
  platform: Platform;
  /** The comment's label when the action was taken, so aggregations need no join. */
  label: Label;
}

/** Time with a supported tab visible and the CM active, per local day and platform. */
export interface ActivityRow {
  day: string;
  platform: Platform;
  activeMs: number;
  /** Epoch ms of the first and last activity that day. */
  first: number;
  last: number;
}

/** An experience-sampling answer: "How affected are you?" */
export interface CheckInRow {
  id?: number;
  at: number;
  day: string;
  /** 1 (not at all) to 5 (very much). */
  score: number;
  tags: string[];
  /** Private: never exported unless the CM includes it explicitly. */
  note: string;
  trigger: 'threat' | 'end_of_day' | 'manual';
}

/** A threat kept as evidence for the employer or the police. */
export interface EvidenceRow {
  id?: number;
  commentKey: string;
  at: number;
  platform: Platform;
  permalink: string | null;
  authorHandle: string;
  authorName: string;
  text: string;
  createdAt: string | null;
  /** PNG data URL of the visible tab, or null when the capture was refused. */
  screenshot: string | null;
}

export interface SettingRow {
  key: string;
  value: unknown;
}
