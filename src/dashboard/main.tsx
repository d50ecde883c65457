import { render } from 'preact';
import browser from 'webextension-polyfill';
import '../ui/base.css';
import './dashboard.css';
import { Dashboard } from './Dashboard';

export function main(): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
  const root = document.getElementById('app');
  if (root) render(<Dashboard />, root);
}
