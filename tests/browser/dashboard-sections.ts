import type { Page } from 'playwright-core';

/**
 * What each dashboard section shows once its data has arrived (a selector inside the section), so a test
 * looks at a section after it has loaded, never after a guessed delay. Every section is listed.
 */
export const SECTION_LOADED: Readonly<Record<string, string>> = {
  today: '[data-testid=dash-summary]',
  history: '[data-testid=dash-trend]',
  checkins: '[data-testid=checkin-form]',
  report: '[data-testid=dash-report]',
  data: '[data-testid=dash-retention]',
  evidence: '[data-testid=evidence-list]',
  replies: '[data-testid=saved-replies]',
  corrections: 'div.corrections',
  export: '[data-testid=export-files]',
  settings: 'form.settings',
};

/** Opens a dashboard section at `page` and resolves once its data has come (it may show nothing). */
export async function openSection(page: Page, dashboardUrl: string, section: string): Promise<void> {
  await page.goto(`${dashboardUrl}#${section}`);
  await page
    .locator(`section[data-section=${section}] ${SECTION_LOADED[section]}`)
    .first()
    .waitFor({ state: 'attached' });
}
