import { render } from 'preact';
import { ask } from '../ui/client';
import { applyLanguage } from '../ui/i18n';
import '../ui/base.css';
import './dashboard.css';
import { Dashboard } from './Dashboard';

export async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const settings = await ask({ type: 'ui→bg:get-settings' }).catch(() => null);
  applyLanguage(settings?.language ?? 'auto');
  render(<Dashboard />, root);
}
