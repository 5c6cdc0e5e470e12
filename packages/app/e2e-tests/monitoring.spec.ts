/*
 * Monitoring as people meet it, on the example organisation's 90 days of imported results:
 * fraud-xgb 3.3.0 reached production three days ago and its UK AUC fell below the declared
 * 0.85. The fraud scorer's Monitoring tab charts it with the breach marked; the service that
 * uses it shows the open finding, linking back to the tab; the AI Inventory filtered to
 * breached systems (a shareable URL) lists just that system.
 */
import { expect, Page, test } from '@playwright/test';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e-results/${name}.png`, fullPage: true });

test('a breached metric: charted with the breach marked, and the finding on the service page', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter as engineer (guest)' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'AI Inventory' }),
  ).toBeVisible();

  // the results are ingested once the catalog has the AI systems (judged against their
  // declared thresholds), a little after startup
  await page.goto('/catalog/default/aisystem/fraud-scorer/monitoring');
  const auc = page.locator(
    '[data-testid="monitoring-metric"][data-metric="auc"]',
  );
  await expect(async () => {
    await page.reload();
    await expect(auc.getByTestId('monitoring-status').first()).toHaveText(
      'Breached',
      { timeout: 5_000 },
    );
  }).toPass({ timeout: 150_000 });

  // the declaration from the AISystem's YAML, and one chart per slice
  await expect(auc.getByTestId('monitoring-declaration')).toContainText(
    'min 0.85',
  );
  const uk = auc
    .getByTestId('monitoring-series')
    .filter({ hasText: 'slice uk' });
  await expect(uk.getByTestId('monitoring-status')).toHaveText('Breached');
  await expect(uk.getByTestId('monitoring-latest-value')).toContainText('0.8');
  const chart = uk.getByTestId('monitoring-chart');
  await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
  // the results since the release are marked as breaches; the eu slice has none
  await expect(chart.getByTestId('monitoring-breach')).not.toHaveCount(0);
  await expect(
    auc
      .getByTestId('monitoring-series')
      .filter({ hasText: 'slice eu' })
      .getByTestId('monitoring-breach'),
  ).toHaveCount(0);
  await shot(page, 'monitoring-tab');

  // 90 days: one point per day from the daily roll-up range, still with the breaches
  await page.goto('/catalog/default/aisystem/fraud-scorer/monitoring?days=90');
  await expect(
    uk.getByTestId('monitoring-chart').getByTestId('monitoring-breach'),
  ).not.toHaveCount(0);

  // the service that uses the fraud scorer shows the finding
  await page.goto('/catalog/default/component/payments-api');
  const findings = page.getByTestId('aims-monitoring-findings');
  await expect(findings).toContainText('Monitoring: 1 open finding');
  const line = findings
    .getByTestId('monitoring-finding')
    .filter({ hasText: 'auc (uk) in production' });
  await expect(line).toContainText('below its minimum 0.85');
  await expect(line).toHaveAttribute(
    'data-type',
    'monitoring-threshold-breached',
  );
  // the AI systems card carries the status and the latest value per metric
  await expect(
    page
      .getByRole('row', { name: /Card & Payment Fraud Scorer/ })
      .getByTestId('monitoring-summary'),
  ).toHaveAttribute('data-value', 'breached');
  await shot(page, 'monitoring-service');
  await line.getByRole('link', { name: 'fraud-scorer' }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/aisystem\/fraud-scorer\/monitoring$/,
  );

  // the inventory filtered to breached systems, as a link someone can share
  await page.goto('/ai-inventory?monitoring=breached');
  await expect(page.getByText('AI inventory (1)')).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Card & Payment Fraud Scorer' }),
  ).toBeVisible();
  await shot(page, 'monitoring-inventory');
});
