/*
 * The spine of the AIMS, end to end in Chromium: an owner (the guest engineer, whose team owns
 * call-summariser) writes an impact assessment and submits it; a compliance officer approves
 * it; the inventory's status for the system changes from Missing to Approved. Two browser
 * contexts, one per persona, against the real backend with the example organisation.
 */
import { Browser, expect, Page, test } from '@playwright/test';

const SYSTEM = '/catalog/default/aisystem/call-summariser';

async function signIn(browser: Browser, persona: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: persona }).click();
  await expect(page.getByRole('link', { name: 'AI Inventory' })).toBeVisible();
  return page;
}

async function inventoryStatus(page: Page): Promise<string> {
  await page.goto('/ai-inventory');
  await page.getByTestId('filter-q').fill('summariser');
  await expect(page.getByText('AI inventory (1)')).toBeVisible();
  const row = page.getByRole('row', { name: /Contact Centre Call Summariser/ });
  return (await row.getByTestId('impact-assessment-status').innerText()).trim();
}

test('an owner writes and submits an impact assessment, compliance approves it', async ({
  browser,
}) => {
  const engineer = await signIn(browser, 'Enter as engineer (guest)');
  expect(await inventoryStatus(engineer)).toBe('Missing');

  // the owner starts the assessment: the form validates as they type
  await engineer.goto(`${SYSTEM}/impact-assessment`);
  await engineer
    .getByRole('button', { name: 'Start impact assessment' })
    .click();
  const submit = engineer.getByRole('button', { name: 'Submit for review' });
  await expect(submit).toBeDisabled();

  const text = async (label: string, value: string) =>
    engineer.getByLabel(label, { exact: true }).fill(value);
  await text(
    'Intended use',
    'Summarise recorded member calls for contact-centre agents after the call ends.',
  );
  await text(
    'Reasonably foreseeable misuse',
    'Using summaries as evidence in disciplinary cases against agents.',
  );
  await text(
    'Affected individuals',
    'Members who call the contact centre; contact-centre agents.',
  );
  await text(
    'Affected groups',
    'Members with speech impairments or strong accents, whose calls transcribe worse.',
  );
  await text('Societal impact', 'Negligible beyond the contact centre.');
  await text(
    'Predictable failures',
    'Transcription errors change amounts or dates in the summary.',
  );
  await text(
    'Human oversight',
    'Agents review and edit every summary before it is saved to the member record.',
  );
  const chip = async (label: string, value: string) => {
    const input = engineer.getByLabel(label, { exact: true });
    await input.fill(value);
    await input.press('Enter');
  };
  await chip('Data categories', 'call recordings');
  await chip('Reviewers', 'user:default/compliance-officer');
  await text(
    'EU AI Act reasoning',
    'Summaries support agents; no decisions about natural persons (minimal risk).',
  );
  await engineer
    .getByLabel('Next review date', { exact: true })
    .fill('2027-11-30');

  await engineer.getByRole('button', { name: 'Save draft' }).click();
  await expect(engineer.getByText('Draft v1')).toBeVisible();
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(engineer.getByText('In review').first()).toBeVisible();
  // the author cannot approve their own assessment, and the guest is no approver
  await expect(engineer.getByRole('button', { name: 'Approve' })).toHaveCount(
    0,
  );
  expect(await inventoryStatus(engineer)).toBe('In review');
  await engineer.goto(`${SYSTEM}/impact-assessment`);
  await engineer.screenshot({
    path: 'e2e-results/impact-assessment-in-review.png',
    fullPage: true,
  });

  // compliance approves
  const compliance = await signIn(browser, 'Enter as compliance officer');
  await compliance.goto(`${SYSTEM}/impact-assessment`);
  await compliance.getByRole('button', { name: 'Approve' }).click();
  await expect(compliance.getByText('Approved').first()).toBeVisible();
  await expect(compliance.getByRole('button', { name: 'Approve' })).toHaveCount(
    0,
  );
  await compliance.screenshot({
    path: 'e2e-results/impact-assessment-approved.png',
    fullPage: true,
  });

  // the inventory follows
  expect(await inventoryStatus(engineer)).toBe('Approved');

  // and the history records every step with its actor
  await compliance.goto(`${SYSTEM}/aims-history`);
  await expect(
    compliance
      .getByRole('row', { name: /impact-assessment.approved|Approved/i })
      .first(),
  ).toBeVisible();
  await compliance.screenshot({
    path: 'e2e-results/aims-history.png',
    fullPage: true,
  });
});
