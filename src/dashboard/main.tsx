import { render } from 'preact';
import { applyLanguage } from '../ui/i18n';
import '../ui/base.css';
import './dashboard.css';
import { Dashboard } from './Dashboard';
import { dashboardSettings } from './store';

export async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  await dashboardSettings.load();
  applyLanguage(dashboardSettings.settings.value?.language ?? 'auto');
  render(<Dashboard />, root);
}
