/**
 * Spellings people type and names that need context (issue 9), in the built
 * extension in real Chromium: probable misspellings are highlighted and the
 * preview asks "Did you mean ...?"; ordinary words near names are not; a name
 * that is also a person's name is highlighted only in medical text.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUpExtensionSuite } from './helpers/extension-suite';

const suite = setUpExtensionSuite();

async function open(path: string): Promise<Page> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.server.origin}${path}`);
  return page;
}

/** [text, drug, guessed name] of the marks under `selector`. */
const highlights = (page: Page, selector: string) =>
  page
    .locator(`${selector} mark[data-medmark]`)
    .evaluateAll((marks) => marks.map((m) => [m.textContent, (m as HTMLElement).dataset.drug, m.getAttribute('data-mm-guess')]));

/** Waits for the marks expected under `selector`, then a quiet second for any that should not come. */
async function settled(page: Page, selector: string, count: number) {
  await expect.poll(() => page.locator(`${selector} mark[data-medmark]`).count(), { timeout: 15_000 }).toBe(count);
  await page.waitForTimeout(1_000);
}

const preview = (page: Page) => page.locator('[data-medmark-ui] .mm-preview-box');

describe('probable misspellings', () => {
  it('are highlighted as guesses, with "Did you mean" in the preview', async () => {
    const page = await open('/words/misspellings.html');
    await settled(page, '#post', 4);
    expect(await highlights(page, '#post')).toEqual([
      ['metphormin', 'metformin', 'Metformin'],
      ['amoxicilin', 'amoxicillin', 'Amoxicillin'],
      ['lisinipril', 'lisinopril', 'Lisinopril'],
      ['ibuprofin', 'ibuprofen', 'Ibuprofen'],
    ]);
    // A wavy underline tells a guess from a name at a glance.
    const style = await page
      .locator('#post mark[data-medmark]')
      .first()
      .evaluate((m) => getComputedStyle(m).textDecorationStyle);
    expect(style).toBe('wavy');

    await page.locator('#post mark[data-medmark]').first().hover();
    await expect.poll(() => preview(page).textContent(), { timeout: 10_000 }).toContain('Did you mean Metformin?');
    expect(await preview(page).textContent()).toContain('looks like a misspelling');
    await page.close();
  });

  it('leave English words near names, and misspelled brands, exactly as they were', async () => {
    const page = await open('/words/misspellings.html');
    await settled(page, '#post', 4);
    for (const id of ['#prose', '#near-brand']) {
      expect(await page.locator(id).evaluate((p) => p.children.length), id).toBe(0);
    }
    await page.close();
  });
});

describe('names that need a medical context', () => {
  it('are highlighted in a medical paragraph, not in a paragraph about a person on the same page', async () => {
    const page = await open('/words/context-medical.html');
    await settled(page, '#medical', 1);
    expect(await highlights(page, '#medical')).toEqual([['Allegra', 'fexofenadine', null]]);
    expect(await page.locator('#person').evaluate((p) => p.children.length)).toBe(0);
    await page.close();
  });

  it('are left alone on a page about something else', async () => {
    const page = await open('/words/context-other.html');
    // The advert's medicine shows the scan reached the end of the page.
    await settled(page, '#ad', 1);
    expect(await page.locator('mark[data-medmark]').count()).toBe(1);
    expect(await page.locator('#news').evaluate((p) => p.children.length)).toBe(0);
    await page.close();
  });

  it('on a page about batteries and metals, lithium, iron, magnesium and calcium stay plain text', async () => {
    const page = await open('/words/batteries.html');
    await settled(page, '#ad', 1);
    expect(await page.locator('mark[data-medmark]').count()).toBe(1);
    for (const id of ['#market', '#metals', '#safety']) {
      expect(await page.locator(id).evaluate((p) => p.children.length), id).toBe(0);
    }
    await page.close();
  });

  it('on a medical page, lithium and iron are highlighted where their paragraph is medical', async () => {
    const page = await open('/words/lithium-medical.html');
    await settled(page, '#lithium', 2);
    expect(await highlights(page, '#lithium')).toEqual([
      ['lithium', 'lithium', null],
      ['lithium', 'lithium', null],
    ]);
    expect(await highlights(page, '#iron')).toEqual([['Iron', 'ferrous-sulfate', null]]);
    expect(await page.locator('#chemistry').evaluate((p) => p.children.length)).toBe(0);
    await page.close();
  });
});
