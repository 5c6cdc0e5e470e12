/*
 * Deployment drift as an owner meets it: the example organisation's recorded deployments show
 * a retired AI system still running on the contact centre platform. The guest engineer, whose
 * team owns both, sees the drift banner on the service page, acknowledges the finding with a
 * reason, and it leaves the open list: it is marked Acknowledged and can no longer be
 * acknowledged again.
 */
import { expect, test } from '@playwright/test';

test('an owner sees a drift banner, acknowledges the finding, and it leaves the open list', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter as engineer (guest)' }).click();
  await expect(page.getByRole('link', { name: 'AI Inventory' })).toBeVisible();

  await page.goto('/catalog/default/component/contact-centre-platform');
  const banner = page.getByTestId('aims-drift-banner');
  // the example deployments are reconciled once the catalog has ingested the entities
  await expect(async () => {
    await page.reload();
    await expect(banner).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
  const line = banner.getByTestId('drift-line').filter({
    hasText: 'agent-emotion-monitor is retired but runs in production',
  });
  await expect(line).toHaveCount(1);
  await expect(line).not.toContainText('(Acknowledged)');
  await page.screenshot({
    path: 'e2e-results/drift-banner.png',
    fullPage: true,
  });

  await line.getByRole('button', { name: 'Acknowledge' }).click();
  const dialog = page.getByRole('dialog');
  await expect(
    dialog.getByRole('button', { name: 'Acknowledge' }),
  ).toBeDisabled();
  await dialog
    .getByLabel('Reason')
    .fill(
      'Pilot switched off in the dialler on Monday; removing the container this sprint.',
    );
  await dialog.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(dialog).toHaveCount(0);

  await expect(line).toContainText('(Acknowledged)');
  await expect(line.getByRole('button', { name: 'Acknowledge' })).toHaveCount(
    0,
  );

  // the AI system's Drift tab agrees, and keeps the history
  await page.goto('/catalog/default/aisystem/agent-emotion-monitor/drift');
  const row = page
    .getByRole('row', {
      name: /contact-centre-platform|Contact Centre Platform/,
    })
    .filter({ hasText: /retired/i });
  await expect(row.first()).toContainText('Acknowledged');
  await page.screenshot({ path: 'e2e-results/drift-tab.png', fullPage: true });
});
