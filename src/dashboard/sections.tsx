import type { ComponentType } from 'preact';
import { CheckInsSection } from './CheckInsSection';
import { CorrectionsSection } from './CorrectionsSection';
import { DataSection } from './DataSection';
import { EvidenceSection } from './EvidenceSection';
import { ExportPanel } from './ExportPanel';
import { HistorySection } from './HistorySection';
import { RepliesSection } from './RepliesSection';
import { ReportSection } from './ReportSection';
import { SettingsSection } from './SettingsSection';
import { TodaySection } from './TodaySection';

export interface DashboardSection {
  /** The URL fragment that opens it: `dashboard/index.html#history`. */
  id: string;
  /** i18n key of its name in the navigation and its heading. */
  titleKey: string;
  Component: ComponentType;
}

/** The dashboard's pages, in navigation order. A feature adds its own with one line. */
export const sections: DashboardSection[] = [
  { id: 'today', titleKey: 'dashNavToday', Component: TodaySection },
  { id: 'history', titleKey: 'dashNavHistory', Component: HistorySection },
  { id: 'checkins', titleKey: 'dashNavCheckIns', Component: CheckInsSection },
  { id: 'report', titleKey: 'dashNavReport', Component: ReportSection },
  { id: 'data', titleKey: 'dashNavData', Component: DataSection },
  { id: 'evidence', titleKey: 'evidenceTitle', Component: EvidenceSection },
  { id: 'replies', titleKey: 'repliesNavTitle', Component: RepliesSection },
  { id: 'corrections', titleKey: 'correctionsNavTitle', Component: CorrectionsSection },
  { id: 'export', titleKey: 'exportNavTitle', Component: ExportPanel },
  { id: 'settings', titleKey: 'settingsTitle', Component: SettingsSection },
];
