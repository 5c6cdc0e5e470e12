/*
 * The Statement of Applicability end to end in Chromium against the real backend with the
 * example organisation: compliance reads the SoA (38 controls, every state), marks a control of
 * an AI system implemented with approved evidence, the gap finding leaves the inventory, the
 * exports contain it; then the SoA is printed to PDF. Screenshots go to e2e-results/.
 */
import { expect, Page, test } from '@playwright/test';
import fs from 'fs';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e-results/${name}.png`, fullPage: true });

async function signInAsCompliance(page: Page) {
  await page.goto('/');
  await page
    .getByRole('button', { name: 'Enter as compliance officer' })
    .click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'AI Inventory' }),
  ).toBeVisible();
}

/** The fraud scorer's row of the inventory: open findings and control coverage. */
async function fraudScorerRow(page: Page) {
  await page.goto('/ai-inventory');
  await page.getByTestId('filter-q').fill('fraud');
  await expect(page.getByText('AI inventory (1)')).toBeVisible();
  const row = page.getByRole('row', { name: /Card & Payment Fraud Scorer/ });
  await expect(row).toBeVisible();
  return row;
}

test('compliance evidences a control of an AI system: the gap leaves the inventory, the exports carry it', async ({
  page,
}) => {
  await signInAsCompliance(page);

  // the organisation's SoA: all 38 Annex A controls, every state of the example shown
  await page.goto('/ai-inventory?tab=soa');
  await expect(
    page.getByRole('tab', { name: 'Statement of Applicability' }),
  ).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-testid^="soa-row-"]')).toHaveCount(38);
  await expect(page.getByText(/A draft \(v2\) is in progress/)).toBeVisible();
  await expect(page.getByTestId('applicable-A.7.3')).toHaveText('No');
  await expect(page.getByTestId('review-by-A.7.3')).toHaveAttribute(
    'data-overdue',
    'true',
  );
  await expect(page.getByTestId('status-A.4.6')).toHaveText('Not started');
  await shot(page, 'soa');

  // filters live in the URL: controls that need attention
  await page.getByLabel('Needs attention').check();
  await expect(page).toHaveURL(/attention=1/);
  await expect(page.getByTestId('soa-row-A.2.2')).toHaveCount(0);
  await expect(page.getByTestId('soa-row-A.4.4')).toBeVisible();

  // the fraud scorer's A.7.4 is in progress: a gap finding on the system
  const before = await fraudScorerRow(page);
  const findingsBefore = Number(
    (await before.getByRole('cell').nth(6).innerText()).match(/^\d+/)![0],
  );
  await expect(before.getByText('2/5 evidenced')).toBeVisible();

  await page.goto('/catalog/default/aisystem/fraud-scorer/controls');
  const control = page.getByTestId('system-control-A.7.4');
  await expect(control).toContainText('In progress');
  await control.getByRole('button', { name: 'Edit mapping of A.7.4' }).click();
  await page.getByLabel('Implementation status').selectOption('implemented');
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(control).toContainText('Implemented');

  await control.getByRole('button', { name: 'Add evidence to A.7.4' }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByLabel(/^Title/)
    .fill('Chargeback label-delay DQ check, first automated run');
  await dialog
    .getByLabel('Link', { exact: true })
    .fill('https://data.northwind.example/dq/chargeback-labels/run-1');
  const today = new Date().toISOString().slice(0, 10);
  const nextYear = new Date(Date.now() + 365 * 86400_000)
    .toISOString()
    .slice(0, 10);
  await dialog.getByLabel('Collected at').fill(today);
  await dialog.getByLabel('Expires at').fill(nextYear);
  await dialog.getByLabel('Status').selectOption('approved');
  await dialog.getByRole('button', { name: 'Add evidence' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(control.getByTestId('evidence-cell-A.7.4')).toContainText(
    '1/1 current',
  );
  await shot(page, 'ai-system-controls');

  // the finding is gone from the inventory, the coverage grew
  const after = await fraudScorerRow(page);
  await expect(after.getByText('3/5 evidenced')).toBeVisible();
  await expect(after.getByRole('cell').nth(6)).toHaveText(
    new RegExp(`^${findingsBefore - 1}`),
  );

  // the exports carry it: the system's controls as CSV and as an OSCAL system security plan
  await page.goto('/catalog/default/aisystem/fraud-scorer/controls');
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV' }).click(),
  ]);
  const rows = fs
    .readFileSync((await csv.path())!, 'utf8')
    .split(/\r?\n/)
    .filter(line => line.startsWith('A.7.4,'));
  expect(rows).toHaveLength(1);
  expect(rows[0]).toContain('implemented');
  expect(rows[0]).toContain('Chargeback label-delay DQ check');
  const [oscal] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'OSCAL JSON' }).click(),
  ]);
  const ssp = JSON.parse(fs.readFileSync((await oscal.path())!, 'utf8'));
  expect(ssp['system-security-plan'].metadata['oscal-version']).toBeTruthy();
  expect(JSON.stringify(ssp)).toContain(
    'https://data.northwind.example/dq/chargeback-labels/run-1',
  );
});

test('the SoA prints: a print view without the portal chrome, to PDF', async ({
  page,
}) => {
  await signInAsCompliance(page);
  await page.goto('/ai-inventory?tab=soa&print=1');
  await expect(page.locator('[data-testid^="soa-row-"]')).toHaveCount(38);
  await page.emulateMedia({ media: 'print' });
  // on paper: no sidebar, no buttons
  await expect(
    page.getByRole('navigation', { name: 'sidebar nav' }),
  ).toBeHidden();
  await expect(page.getByRole('button', { name: 'CSV' })).toBeHidden();
  await shot(page, 'soa-print');
  const pdf = await page.pdf({
    path: 'e2e-results/statement-of-applicability.pdf',
    format: 'A4',
    landscape: true,
    printBackground: true,
  });
  // a real document: several pages (the page tree's /Count), with the controls' text on them
  const pages = Number(
    pdf
      .toString('latin1')
      .match(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/)?.[1] ?? 0,
  );
  expect(pages).toBeGreaterThan(2);
});
