/*
 * The newcomer's walk through the portal, in Chromium against the real backend with the
 * example organisation: sign in as guest, open the AI Inventory, filter it, download it as
 * CSV, open an AI system, then a service that uses it. Screenshots go to e2e-results/.
 */
import { expect, Page, test } from '@playwright/test';
import fs from 'fs';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e-results/${name}.png`, fullPage: true });

async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter as engineer (guest)' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'AI Inventory' }),
  ).toBeVisible();
}

test('inventory → AI system → service', async ({ page }) => {
  await signInAsGuest(page);

  // the AI Inventory is in the sidebar
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'AI Inventory' })
    .click();
  await expect(page).toHaveURL(/\/ai-inventory$/);
  // every AI system of the example organisation; four owe an impact assessment and have none
  // yet, the retired agent-emotion-monitor owes none
  await expect(page.getByText('AI inventory (12)')).toBeVisible();
  await expect(page.getByTestId('count-status-missing')).toHaveText(
    'Missing: 4',
  );
  await expect(page.getByTestId('count-status-not-required')).toHaveText(
    'Not required: 1',
  );
  await expect(page.getByTestId('count-tier-high-risk')).toHaveText(
    'High risk: 3',
  );
  await expect(
    page.getByRole('link', { name: 'Card & Payment Fraud Scorer' }),
  ).toBeVisible();
  await shot(page, 'ai-inventory');

  // CSV export of what is on screen
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Download CSV/i }).click(),
  ]);
  const csv = fs
    .readFileSync((await download.path())!, 'utf8')
    .trimEnd()
    .split(/\r?\n/);
  expect(csv[0]).toMatch(/^entityRef,title,owner,/);
  expect(csv).toHaveLength(13);

  // filter: the high-risk systems only
  await page.getByTestId('count-tier-high-risk').click();
  await expect(page.getByText('AI inventory (3)')).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Card & Payment Fraud Scorer' }),
  ).toHaveCount(0);
  await expect(
    page.getByRole('link', { name: 'Consumer Credit Risk Scorer' }),
  ).toBeVisible();

  // free-text search narrows it further
  await page.getByTestId('filter-q').fill('underwriting');
  await expect(page.getByText('AI inventory (1)')).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Term-Life Underwriting Model' }),
  ).toBeVisible();
  await shot(page, 'ai-inventory-filtered');
  await page.getByTestId('filter-q').fill('');
  await expect(page.getByText('AI inventory (3)')).toBeVisible();

  // the AI system's entity page
  await page.getByRole('link', { name: 'Consumer Credit Risk Scorer' }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/aisystem\/credit-risk-scorer$/,
  );
  await expect(
    page.getByRole('heading', { name: 'Consumer Credit Risk Scorer' }).first(),
  ).toBeVisible();
  await expect(
    page.getByText(/Estimate the 12-month probability of default/),
  ).toBeVisible();
  await expect(page.getByText(/Annex III III\.5/)).toBeVisible();
  await expect(page.getByText('Provider and deployer')).toBeVisible();
  await expect(page.getByText('credit-gbm 5.1.0 (in-house)')).toBeVisible();
  await expect(page.getByText('Relations')).toBeVisible();
  await shot(page, 'ai-system');

  // ... and a service that uses it
  await page
    .getByRole('link', { name: 'Credit Decision Service' })
    .first()
    .click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/credit-decision-service$/,
  );
  await expect(page.getByRole('heading', { name: 'AI systems' })).toBeVisible();
  // the AI systems card: one row per AI system the service uses, with its AIMS status
  // (type, lifecycle and control coverage under the name; in the page's content column the
  // status facts stack in one labelled column, so nothing is cut off)
  const row = page.getByRole('row', {
    name: /^Consumer Credit Risk Scorer\s*ml-model · production\s*\d+\/\d+ controls evidenced\s*(EU AI Act\s*)?High risk\s*(Impact assessment\s*)?Approved/,
  });
  await expect(row).toBeVisible();
  await expect(
    row.getByRole('link', { name: 'Consumer Credit Risk Scorer' }),
  ).toHaveAttribute('href', '/catalog/default/aisystem/credit-risk-scorer');
  await shot(page, 'service');
});

test('a service without AI says so', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/aims-for-backstage');
  await expect(
    page.getByText('This service uses no registered AI systems.'),
  ).toBeVisible();
});
