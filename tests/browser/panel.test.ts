/**
 * The side panel (search, record, interaction checker, My medications export
 * and import) and the settings page, in the built extension in real Chromium.
 * Both are opened as tabs at chrome-extension://<id>/...
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/extension-browser';
import { setUpExtensionSuite } from './helpers/extension-suite';

declare const chrome: { storage: { local: { clear(): Promise<void> } } };

const suite = setUpExtensionSuite();

async function extensionPage(path: string): Promise<Page> {
  const page = await suite.browser.context.newPage();
  await page.goto(`chrome-extension://${suite.browser.extensionId}/${path}`);
  return page;
}

async function resetStorage() {
  const probe = await extensionPage('options.html');
  await probe.evaluate(() => chrome.storage.local.clear());
  await probe.close();
}

const searchBox = (panel: Page) => panel.getByLabel('Search medicines, brands or conditions');
const resultNames = (panel: Page) => panel.locator('.mm-result .mm-result__name').allTextContents();

async function search(panel: Page, query: string) {
  await searchBox(panel).fill(query);
  await expect.poll(() => panel.locator('.mm-result').count(), { timeout: 5_000 }).toBeGreaterThan(0);
}

async function addToChecker(panel: Page, query: string, name: string) {
  await search(panel, query);
  await panel
    .locator('.mm-result')
    .filter({ has: panel.locator('.mm-result__name', { hasText: new RegExp(`^${name}$`) }) })
    .getByRole('button', { name: /Add to checker/ })
    .click();
}

describe('side panel', () => {
  it.each([
    ['baclophen', 'Baclofen'],
    ['sertaline', 'Sertraline'],
    ['ibuprophen', 'Ibuprofen'],
    ['metphormin', 'Metformin'],
    ['Lioresal', 'Baclofen'],
    ['paracetamol', 'Acetaminophen'],
  ])('finds %s as %s', async (query, name) => {
    const panel = await extensionPage('sidepanel.html');
    await search(panel, query);
    expect((await resultNames(panel))[0]).toBe(name);
    await panel.close();
  });

  it.each([
    ['spasticity', 'Baclofen'],
    ['high blood pressure', 'Lisinopril'],
    ['heartburn', 'Omeprazole'],
    ['blood thinner', 'Warfarin'],
  ])('finds medicines for "%s" (%s among them)', async (query, name) => {
    const panel = await extensionPage('sidepanel.html');
    await search(panel, query);
    expect((await resultNames(panel)).slice(0, 10)).toContain(name);
    await panel.close();
  });

  it('opens the full record, with all names, sources, review date and the notice; an interacting drug links to its record', async () => {
    const panel = await extensionPage('sidepanel.html');
    await search(panel, 'warfarin');
    await panel.locator('.mm-result__open').first().click();
    await expect.poll(() => panel.locator('#mm-record-title').textContent()).toBe('Warfarin');
    const text = await panel.locator('.mm-main').textContent();
    expect(text).toContain('Coumadin');
    expect(text).toMatch(/Reviewed \d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/not a substitute/);
    expect(await panel.locator('.mm-sources a').count()).toBeGreaterThan(1);
    await panel
      .locator('section[aria-label="Interactions"]')
      .getByRole('button', { name: 'Fluconazole' })
      .or(panel.locator('section[aria-label="Interactions"] button.mm-link-button').first())
      .first()
      .click();
    await expect.poll(() => panel.locator('#mm-record-title').textContent()).not.toBe('Warfarin');
    await panel.close();
  });

  it('checks a list: a duplicate ingredient, a drug pair and a drug with alcohol, and says what nothing found means', async () => {
    const panel = await extensionPage('sidepanel.html');
    await addToChecker(panel, 'Percocet', 'Oxycodone / acetaminophen');
    await addToChecker(panel, 'Tylenol', 'Acetaminophen');
    await addToChecker(panel, 'alcohol', 'Alcohol');
    await panel.getByRole('button', { name: /^Checker/ }).click();
    const duplicates = panel.locator('section[aria-label="Duplicates"]');
    await expect.poll(() => duplicates.textContent(), { timeout: 5_000 }).toMatch(/acetaminophen/i);
    expect(await panel.locator('section[aria-label="With food, alcohol or supplements"]').textContent()).toMatch(/Alcohol/);
    expect(await panel.locator('.mm-main').textContent()).toMatch(/Nothing found does not mean a combination is safe/);
    await panel.close();
  });

  it('exports My medications and imports them back; a corrupt file is rejected and the list kept', async () => {
    await resetStorage();
    const panel = await extensionPage('sidepanel.html');
    for (const [query, name] of [
      ['warfarin', 'Warfarin'],
      ['metformin', 'Metformin'],
    ]) {
      await search(panel, query);
      await panel.locator('.mm-result__open').filter({ hasText: name }).first().click();
      await panel.getByRole('button', { name: 'Add to My medications' }).click();
      await expect.poll(() => panel.getByRole('button', { name: 'Remove from My medications' }).count()).toBe(1);
      await panel.getByRole('button', { name: /^← Back/ }).click();
    }
    await panel.getByRole('button', { name: /^My medications/ }).click();
    const list = panel.locator('.mm-meds__list');
    await expect.poll(() => list.textContent()).toMatch(/Warfarin.*Metformin/);

    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export list' }).click()]);
    const file = join(ROOT, '.output', 'medmark-medications-test.json');
    await download.saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8')).medications.map((m: { id: string }) => m.id)).toEqual(['warfarin', 'metformin']);

    // Empty the list, then import the file back.
    await panel.getByRole('button', { name: 'Remove Warfarin from My medications' }).click();
    await panel.getByRole('button', { name: 'Remove Metformin from My medications' }).click();
    await expect.poll(() => panel.locator('.mm-meds__list').count()).toBe(0);
    const input = panel.locator('.mm-meds input[type="file"]');
    await input.setInputFiles(file);
    await expect.poll(() => panel.locator('.mm-meds').textContent(), { timeout: 5_000 }).toContain('Imported 2 medicines');
    await expect.poll(() => list.textContent()).toMatch(/Warfarin.*Metformin/);

    // A damaged file: a clear message, and the list as it was.
    await input.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "medmark-medications", "version": 1, "medications": ['),
    });
    await expect.poll(() => panel.locator('.mm-meds').textContent(), { timeout: 5_000 }).toMatch(/damaged|not valid JSON/);
    expect(await list.textContent()).toMatch(/Warfarin.*Metformin/);
    await input.setInputFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'someone-else', medications: [] })),
    });
    await expect.poll(() => panel.locator('.mm-meds').textContent(), { timeout: 5_000 }).toMatch(/not a Medmark medication list/);
    expect(await list.textContent()).toMatch(/Warfarin.*Metformin/);
    await panel.close();
  });

  it('takes the README screenshot of the side panel', async () => {
    const panel = await extensionPage('sidepanel.html');
    await panel.setViewportSize({ width: 420, height: 760 });
    await search(panel, 'baclophen');
    const shot = await panel.screenshot({ path: join(ROOT, 'docs/screenshot-sidepanel.png') });
    expect(shot.byteLength).toBeGreaterThan(10_000);
    await panel.close();
  });
});

describe('settings page', () => {
  it('changes the highlight style and switches a site off on open tabs without a reload', async () => {
    await resetStorage();
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.server.origin}/meds.html`);
    const mark = page.locator('#first mark[data-drug="warfarin"]');
    await expect.poll(() => mark.getAttribute('data-mm-style'), { timeout: 10_000 }).toBe('underline');

    const options = await extensionPage('options.html');
    await options.getByLabel('Tinted background').check();
    await expect.poll(() => mark.getAttribute('data-mm-style'), { timeout: 5_000 }).toBe('background');

    await options.getByLabel('First mention of each medicine').check();
    await expect.poll(() => page.locator('mark[data-drug="baclofen"]').count(), { timeout: 5_000 }).toBe(1);

    await options.locator('input[placeholder="example.com"]').fill('127.0.0.1');
    await options.locator('input[placeholder="example.com"]').press('Enter');
    await expect.poll(() => page.locator('mark[data-medmark]').count(), { timeout: 5_000 }).toBe(0);
    await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await expect.poll(() => page.locator('mark[data-medmark]').count(), { timeout: 5_000 }).toBeGreaterThan(0);
    await options.close();
    await page.close();
  });
});
