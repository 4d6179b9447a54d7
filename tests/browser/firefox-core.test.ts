/**
 * The core of the browser suite in real Firefox (issue 12): Debian's Firefox
 * ESR with the unpacked Firefox build, over WebDriver BiDi. Highlights and
 * exclusions, the preview and the popover by mouse and keyboard, the popup and
 * side panel pages, and no network.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFixtures, type FixtureServer } from '../../scripts/lib/extension-browser';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from '../../scripts/lib/firefox-browser';

let server: FixtureServer;
let firefox: FirefoxWithExtension;
const requests: string[] = [];

beforeAll(async () => {
  server = await serveFixtures();
  firefox = await launchFirefoxWithExtension();
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

async function open(path: string, atLeast: number): Promise<Page> {
  const page = await firefox.browser.newPage();
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${server.origin}${path}`);
  await expect.poll(() => page.$$eval('mark[data-medmark]', (marks) => marks.length), { timeout: 15_000 }).toBeGreaterThanOrEqual(atLeast);
  return page;
}

/** An extension page as a tab. Its load event is not awaited: extension pages may not report it over BiDi. */
async function extensionPage(path: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  void page.goto(`${firefox.origin}/${path}`).catch(() => {});
  // The new tab starts on a complete about:blank: wait for the extension page itself.
  const loaded = () => page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete').catch(() => false);
  await expect.poll(loaded, { timeout: 15_000 }).toBe(true);
  return page;
}

const highlights = (page: Page, scope: string) =>
  page.$$eval(`${scope} mark[data-medmark]`, (marks) => marks.map((m) => [m.textContent, (m as HTMLElement).dataset.drug]));
const inUi = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector('[data-medmark-ui]')?.shadowRoot?.querySelector(s)?.textContent ?? null, selector);

describe('Firefox', () => {
  it('highlights generic, brand and upper-case names with the right record ids', async () => {
    const page = await open('/article.html', 10);
    expect(await highlights(page, '#intro')).toEqual([
      ['baclofen', 'baclofen'],
      ['Lioresal', 'baclofen'],
      ['Zoloft', 'sertraline'],
      ['sertraline', 'sertraline'],
    ]);
    expect(await highlights(page, '#dose')).toEqual([
      ['BACLOFEN', 'baclofen'],
      ['paracetamol', 'acetaminophen'],
      ['meloxicam', 'meloxicam'],
    ]);
    expect(await highlights(page, '#far')).toEqual([['amlodipine', 'amlodipine']]);
    // Form fields, editable regions, scripts and words that only contain a name are left alone.
    expect(await page.$$eval('form mark, #editor mark, #boundary mark, script mark', (m) => m.length)).toBe(0);
    expect(await page.$eval('#field', (f) => (f as HTMLInputElement).value)).toBe('baclofen');
    await page.close();
  });

  it('shows a preview on hover and opens the popover on click; Esc closes it', async () => {
    const page = await open('/article.html', 10);
    await page.hover('#intro mark[data-drug="baclofen"]');
    await expect.poll(() => inUi(page, '.mm-preview'), { timeout: 5_000 }).toMatch(/^Baclofen/);
    await page.click('#intro mark[data-drug="baclofen"]');
    await expect.poll(() => inUi(page, '.mm-popover h2'), { timeout: 5_000 }).toBe('Baclofen');
    const popover = await inUi(page, '.mm-popover');
    expect(popover).toMatch(/not a substitute/);
    await page.keyboard.press('Escape');
    await expect
      .poll(() =>
        page.evaluate(() => document.querySelector('[data-medmark-ui]')!.shadowRoot!.querySelector<HTMLElement>('.mm-popover')!.hidden),
      )
      .toBe(true);
    await page.close();
  });

  it('is reachable by keyboard: Tab to a highlight, Enter opens, Esc returns focus', async () => {
    const page = await open('/article.html', 10);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.drug)).toBe('baclofen');
    await page.keyboard.press('Enter');
    await expect.poll(() => inUi(page, '.mm-popover h2'), { timeout: 5_000 }).toBe('Baclofen');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset.drug)).toBe('baclofen');
    await page.close();
  });

  it('lists the page’s medicines in the popup page', async () => {
    const page = await open('/article.html', 10);
    // Without the "tabs" permission the popup cannot read tab addresses; the article is the tab before it.
    const probe = await extensionPage('popup.html');
    const tabId = await probe.evaluate(async () => {
      const api = (
        globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id: number; index: number; active: boolean }[]> } } }
      ).browser;
      const tabs = await api.tabs.query({ currentWindow: true });
      const self = tabs.find((t) => t.active)!;
      return tabs.find((t) => t.index === self.index - 1)!.id;
    });
    await probe.close();
    const popup = await extensionPage(`popup.html?tabId=${tabId}`);
    await expect
      .poll(() => popup.$$eval('.mm-drug-row__name', (rows) => rows.map((r) => r.textContent)), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['Baclofen', 'Sertraline', 'Acetaminophen', 'Amlodipine']));
    expect(await popup.evaluate(() => document.body.textContent)).toMatch(/not a substitute/);
    await popup.close();
    await page.close();
  });

  it('finds a misspelled medicine in the side panel page', async () => {
    const panel = await extensionPage('sidepanel.html');
    await panel.type('input[type="search"]', 'baclophen');
    await expect
      .poll(() => panel.$$eval('.mm-result .mm-result__name', (r) => r.map((x) => x.textContent)), { timeout: 5_000 })
      .toContain('Baclofen');
    await panel.close();
  });

  it('makes no network request: only the test pages are fetched', () => {
    expect(requests.length).toBeGreaterThan(0);
    // data: addresses (a font Firefox itself supplies) never reach a network either.
    const foreign = requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith(firefox.origin) && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
  });
});
