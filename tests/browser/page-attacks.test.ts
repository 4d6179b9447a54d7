/**
 * Pages that fight back: CSS aimed at <mark>, a page that takes the UI's
 * element names first and tries to hide what Medmark adds, and a page that
 * forges WXT's "newer content script started" event to switch Medmark off.
 * The built extension in real Chromium.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUpExtensionSuite } from './helpers/extension-suite';

const suite = setUpExtensionSuite();

const marks = (page: Page) => page.locator('mark[data-medmark]');

async function open(path: string, atLeast = 1): Promise<Page> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.server.origin}${path}`);
  await expect.poll(() => marks(page).count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(atLeast);
  return page;
}

describe('a page whose CSS targets mark', () => {
  it('cannot make a highlight change the layout', async () => {
    const page = await open('/attacks/mark-css.html', 4);
    const boxes = () => page.$$eval('.article p', (els) => els.map((e) => JSON.stringify(e.getBoundingClientRect())));
    const withMarks = await boxes();
    const style = await page.$eval('#one mark[data-medmark]', (m) => {
      const s = getComputedStyle(m);
      return {
        display: s.display,
        padding: s.paddingTop,
        border: s.borderTopWidth,
        position: s.position,
        float: s.cssFloat,
        fontSize: s.fontSize,
      };
    });
    expect(style).toEqual({ display: 'inline', padding: '0px', border: '0px', position: 'static', float: 'none', fontSize: '16px' });
    // The same paragraphs with the page's own text nodes back: not a pixel moves.
    await page.evaluate(() => {
      for (const m of Array.from(document.querySelectorAll('mark[data-medmark]')))
        m.replaceWith(document.createTextNode(m.textContent ?? ''));
    });
    expect(await boxes()).toEqual(withMarks);
    await page.close();
  });
});

describe('a page that defines the UI element names and hides what is added', () => {
  it('still gets a working, visible preview and popover', async () => {
    const page = await open('/attacks/ui-name.html');
    await page.locator('#text mark[data-drug="baclofen"]').click();
    const dialog = page.locator('[data-medmark-ui] .mm-popover');
    await expect.poll(() => dialog.locator('h2').textContent(), { timeout: 5_000 }).toBe('Baclofen');
    expect(await dialog.isVisible()).toBe(true);
    const host = await page.$eval('[data-medmark-ui]', (h) => ({
      tag: h.localName,
      display: getComputedStyle(h).display,
      opacity: getComputedStyle(h).opacity,
      visibility: getComputedStyle(h).visibility,
    }));
    expect(host.tag).not.toBe('medmark-ui');
    expect(host.tag.startsWith('medmark-ui-')).toBe(true);
    expect(host).toMatchObject({ display: 'block', opacity: '1', visibility: 'visible' });
    await page.close();
  });
});

describe("a page that forges the content script's stop event", () => {
  it('does not switch Medmark off: later content is still highlighted and opens', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.server.origin}/attacks/forged-stop.html`);
    // The page saw WXT's message and replayed it as the stop event.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __forged: number }).__forged), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.waitForTimeout(300);
    await page.evaluate(() => (window as unknown as { addLater(t: string): void }).addLater('Then the doctor added baclofen.'));
    await expect.poll(() => marks(page).count(), { timeout: 5_000 }).toBe(1);
    await marks(page).first().click();
    await expect.poll(() => page.locator('[data-medmark-ui] .mm-popover h2').textContent(), { timeout: 5_000 }).toBe('Baclofen');
    await page.close();
  });
});

describe('names with invisible characters, accents or fullwidth letters', () => {
  it('are highlighted, each mark covering exactly the name as written', async () => {
    const page = await open('/attacks/spellings.html', 4);
    const found = await page.$$eval('mark[data-medmark]', (ms) =>
      ms.map((m) => [m.parentElement!.id, m.textContent, (m as HTMLElement).dataset.drug]),
    );
    expect(found).toEqual([
      ['shy', 'bac\u00adlofen', 'baclofen'],
      ['zwsp', 'Zo\u200bloft', 'sertraline'],
      ['accent', 'Paracétamol', 'acetaminophen'],
      ['wide', 'ｂａｃｌｏｆｅｎ', 'baclofen'],
    ]);
    await page.close();
  });
});
