/**
 * The built extension in real Chromium, on pages served from 127.0.0.1.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, ROOT, serveFixtures, type ExtensionBrowser, type FixtureServer } from '../../scripts/lib/extension-browser';

/** The content script is parsed on every page: keep it small (names grow with the knowledge base). */
const CONTENT_SCRIPT_BUDGET_BYTES = 150_000;

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits until highlighting has stopped changing the page. */
async function settled(page: Page, atLeast = 1) {
  await page.waitForFunction((n) => document.querySelectorAll('mark[data-medmark]').length >= n, atLeast, { timeout: 15_000 });
  let last = -1;
  for (;;) {
    const count = await page.evaluate(() => document.querySelectorAll('mark[data-medmark]').length);
    if (count === last) return count;
    last = count;
    await page.waitForTimeout(250);
  }
}

const highlights = (page: Page, scope = 'body') =>
  page.$$eval(`${scope} mark[data-medmark]`, (marks) => marks.map((m) => [m.textContent, (m as HTMLElement).dataset.drug]));

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}${path}`);
  return page;
}

const preview = (page: Page) => page.locator('[data-medmark-ui] .mm-preview-box');
const popover = (page: Page) => page.locator('[data-medmark-ui] .mm-popover');

describe('highlighting', () => {
  it('highlights generic, brand and upper-case names with the right record ids', async () => {
    const page = await open('/article.html');
    await settled(page, 10);
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
    expect(await highlights(page, '#card')).toEqual([
      ['metformin', 'metformin'],
      ['lisinopril', 'lisinopril'],
    ]);
    expect(await highlights(page, '#far')).toEqual([['amlodipine', 'amlodipine']]);
    await page.close();
  });

  it('leaves form fields, editable regions, scripts and non-words untouched', async () => {
    const page = await open('/article.html');
    await settled(page, 10);
    expect(await highlights(page, '#boundary')).toEqual([]);
    expect(await highlights(page, 'form')).toEqual([]);
    expect(await highlights(page, '#editor')).toEqual([]);
    expect(await page.inputValue('#field')).toBe('baclofen');
    expect(await page.inputValue('#notes')).toBe('sertraline notes');
    expect(await page.$eval('#editor', (e) => e.innerHTML)).toBe('I wrote baclofen here.');
    expect(await page.$eval('#inline-script', (e) => e.textContent)).toContain("'baclofen stays in scripts'");
    expect(await page.evaluate(() => (window as unknown as { __medmarkTestValue: string }).__medmarkTestValue)).toBe(
      'baclofen stays in scripts',
    );
    expect(await page.title()).toBe('Living with spasticity – test article');
    await page.close();
  });

  it('does not move the layout: every block keeps its size and position', async () => {
    const page = await open('/article.html');
    await settled(page, 10);
    const boxes = () => page.$$eval('body > *:not([data-medmark-ui])', (els) => els.map((e) => JSON.stringify(e.getBoundingClientRect())));
    const withMarks = await boxes();
    await page.evaluate(() => {
      for (const m of Array.from(document.querySelectorAll('mark[data-medmark]')))
        m.replaceWith(document.createTextNode(m.textContent ?? ''));
    });
    expect(await boxes()).toEqual(withMarks);
    await page.close();
  });

  it('highlights content added after load', async () => {
    const page = await open('/dynamic.html');
    const served = await (await fetch(`${server.origin}/dynamic.html`)).text();
    await page.waitForTimeout(500);
    expect(await highlights(page)).toEqual([]);
    // A page with no medicine on it is left exactly as it was: not even our UI host is added.
    expect(await page.$('[data-medmark-ui]')).toBeNull();
    const bodyNow = await page.evaluate(() => document.body.innerHTML.trim());
    expect(served).toContain(bodyNow.slice(0, bodyNow.indexOf('<script>')).trim());
    await page.evaluate(() => (window as unknown as { addPost(t: string): void }).addPost('New post: my doctor switched me to Lexapro.'));
    await page.waitForSelector('.post mark[data-drug="escitalopram"]', { timeout: 10_000 });
    await page.evaluate(() => {
      for (let i = 0; i < 50; i++) (window as unknown as { addPost(t: string): void }).addPost(`Post ${i}: metformin with breakfast.`);
    });
    await page.waitForFunction(() => document.querySelectorAll('.post mark[data-drug="metformin"]').length === 50, null, {
      timeout: 10_000,
    });
    await page.close();
  });
});

describe('preview and popover', () => {
  it('shows a preview on hover with name, class and summary', async () => {
    const page = await open('/article.html');
    await settled(page, 10);
    await page.hover('#intro mark[data-drug="baclofen"]');
    await expect.poll(() => preview(page).isVisible(), { timeout: 5_000 }).toBe(true);
    await expect.poll(() => preview(page).locator('.mm-preview__name').textContent()).toBe('Baclofen');
    expect((await preview(page).locator('.mm-preview__class').textContent())?.length).toBeGreaterThan(3);
    expect((await preview(page).locator('.mm-preview__summary').textContent())?.length).toBeGreaterThan(20);
    expect(await preview(page).locator('.mm-notice').textContent()).toMatch(/not a substitute/);
    await page.mouse.move(5, 5);
    await expect.poll(() => preview(page).isVisible(), { timeout: 5_000 }).toBe(false);
    await page.close();
  });

  it('opens the popover on click with benefits, risks, interactions, sources and the notice; Esc closes it', async () => {
    const page = await open('/article.html');
    await settled(page, 10);
    const mark = page.locator('#intro mark[data-drug="sertraline"]').first();
    await mark.click();
    const dialog = popover(page);
    await expect.poll(() => dialog.locator('h2').textContent(), { timeout: 5_000 }).toBe('Sertraline');
    expect(await dialog.getAttribute('role')).toBe('dialog');
    for (const section of ['Benefits', 'Risks', 'Interactions']) {
      expect(await dialog.locator(`section[aria-label="${section}"] h3`).textContent()).toBe(section);
    }
    expect(await dialog.locator('section[aria-label="Benefits"] li').count()).toBeGreaterThan(0);
    expect(await dialog.locator('.mm-boxed').textContent()).toMatch(/suicid/i);
    expect(await dialog.locator('.mm-notice').textContent()).toMatch(/not a substitute/i);
    expect(await dialog.locator('.mm-sources a').first().getAttribute('href')).toMatch(
      /^https:\/\/(medlineplus\.gov|www\.nhs\.uk|dailymed\.nlm\.nih\.gov)\//,
    );
    // Other drugs on the page that interact with this one come first.
    expect(await dialog.locator('.mm-on-page').textContent()).toMatch(/Meloxicam/);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.close();
  });

  it('calls out a page interaction with its most specific advice, and lists the other rules under it', async () => {
    const page = await open('/heart.html');
    await settled(page, 2);
    await page.locator('#dapt mark[data-drug="clopidogrel"]').click();
    const dialog = popover(page);
    await expect.poll(() => dialog.locator('h2').textContent(), { timeout: 5_000 }).toBe('Clopidogrel');
    const callout = dialog.locator('.mm-on-page li').filter({ hasText: 'Aspirin' });
    // Two antiplatelets after a stent: the intended-therapy advice leads, not the NSAID stomach warning...
    expect(await callout.locator(':scope > p').first().textContent()).toMatch(/antiplatelet/i);
    expect(await callout.locator('.mm-action').first().textContent()).toMatch(/heart doctor/i);
    // ...which is still shown, marked for aspirin at pain-relief doses.
    expect(await callout.locator('.mm-also').textContent()).toMatch(/pain-relief doses/);
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('keeps the popover inside the viewport and closes it when clicking outside', async () => {
    const page = await open('/article.html');
    await settled(page, 10);
    await page.evaluate(() => document.querySelector('#far')!.scrollIntoView({ block: 'end' }));
    await page.locator('#far mark').click();
    const dialog = popover(page);
    await expect.poll(() => dialog.locator('h2').textContent(), { timeout: 5_000 }).toBe('Amlodipine');
    const box = (await dialog.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    await page.mouse.click(5, 5);
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.close();
  });

  it('links a combination product to its ingredients', async () => {
    const page = await open('/article.html');
    await settled(page, 10);
    await page.locator('#combo mark[data-drug="hydrocodone-acetaminophen"]').click();
    const dialog = popover(page);
    await expect.poll(() => dialog.locator('h2').textContent(), { timeout: 5_000 }).toBe('Hydrocodone / acetaminophen');
    expect(await dialog.locator('.mm-boxed').textContent()).toMatch(/addiction/i);
    await dialog.getByRole('button', { name: 'acetaminophen' }).click();
    await expect.poll(() => dialog.locator('h2').textContent(), { timeout: 5_000 }).toBe('Acetaminophen');
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('closes when its highlight is scrolled out of view', async () => {
    const page = await open('/article.html');
    await settled(page, 10);
    await page.locator('#intro mark[data-drug="baclofen"]').first().click();
    const dialog = popover(page);
    await expect.poll(() => dialog.locator('h2').textContent(), { timeout: 5_000 }).toBe('Baclofen');
    await page.mouse.move(900, 700);
    await page.mouse.wheel(0, 3000);
    await expect.poll(() => dialog.isVisible(), { timeout: 5_000 }).toBe(false);
    await page.close();
  });

  it('is reachable by keyboard: Tab to a highlight, Enter opens, Esc returns focus', async () => {
    const page = await open('/article.html');
    await settled(page, 10);
    await page.locator('#intro mark[data-drug="baclofen"]').first().focus();
    await expect.poll(() => preview(page).isVisible(), { timeout: 5_000 }).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = popover(page);
    await expect.poll(() => dialog.locator('h2').textContent(), { timeout: 5_000 }).toBe('Baclofen');
    // Focus moved into the dialog.
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-medmark-ui'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.drug)).toBe('baclofen');
    // Tab order reaches highlights.
    expect(await page.locator('#intro mark[data-drug="baclofen"]').first().getAttribute('tabindex')).toBe('0');
    await page.close();
  });

  it('a highlight inside a link still follows the link; Alt+click opens the popover instead', async () => {
    const page = await open('/article.html');
    await settled(page, 10);
    await page.locator('#drug-link mark').click({ modifiers: ['Alt'] });
    await expect.poll(() => popover(page).locator('h2').textContent(), { timeout: 5_000 }).toBe('Baclofen');
    expect(new URL(page.url()).pathname).toBe('/article.html');
    await page.keyboard.press('Escape');
    await Promise.all([page.waitForURL('**/other.html'), page.locator('#drug-link mark').click()]);
    await page.close();
  });

  it('is styled inside its shadow root even under a strict Content-Security-Policy', async () => {
    const page = await open('/csp/article.html');
    await settled(page, 10);
    await page.locator('#intro mark[data-drug="baclofen"]').first().click();
    const dialog = popover(page);
    await expect.poll(() => dialog.locator('h2').textContent(), { timeout: 5_000 }).toBe('Baclofen');
    const style = await dialog.evaluate((el) => {
      const s = getComputedStyle(el);
      return { position: s.position, background: s.backgroundColor, width: s.width };
    });
    expect(style).toEqual({ position: 'fixed', background: 'rgb(255, 255, 255)', width: '400px' });
    const markBg = await page.$eval('#intro mark[data-medmark]', (m) => getComputedStyle(m).backgroundColor);
    expect(markBg).not.toBe('rgba(0, 0, 0, 0)');
    await page.close();
  });

  it('takes the README screenshot of the demo page', async () => {
    const page = await open('/demo.html');
    await settled(page, 3);
    await page.locator('mark[data-drug="baclofen"]').first().click();
    await expect.poll(() => popover(page).locator('h2').textContent(), { timeout: 5_000 }).toBe('Baclofen');
    await page.waitForTimeout(200);
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    const shot = await page.screenshot({ path: join(ROOT, 'docs/screenshot.png') });
    expect(shot.byteLength).toBeGreaterThan(10_000);
    await page.close();
  });
});

describe('bundle', () => {
  it('ships names, not the knowledge base, into every page', () => {
    // What a page with text loads: the bootstrap and the engine (docs/adr/0010).
    const content = ['content-scripts/content.js', 'medmark-engine.js']
      .map((file) => readFileSync(join(ROOT, '.output/chrome-mv3', file), 'utf8'))
      .join('\n');
    const background = readFileSync(join(ROOT, '.output/chrome-mv3/background.js'), 'utf8');
    // A brand name is needed to match; a summary sentence is not.
    expect(content.includes('Lioresal')).toBe(true);
    const summary = 'A muscle relaxant that eases stiff, tight muscles';
    expect(background.includes(summary)).toBe(true);
    expect(content.includes(summary)).toBe(false);
    expect(content.length).toBeLessThan(background.length / 2);
    // Size budget: the script is injected into every page the reader opens.
    expect(content.length, 'content script size (bytes)').toBeLessThan(CONTENT_SCRIPT_BUDGET_BYTES);
  });
});

describe('icons', () => {
  it('the manifest names the toolbar and store icons, and the build has each one', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, '.output/chrome-mv3/manifest.json'), 'utf8'));
    expect(manifest.icons).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' });
    expect(manifest.action.default_icon).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png' });
    for (const [size, file] of Object.entries(manifest.icons as Record<string, string>)) {
      const png = readFileSync(join(ROOT, '.output/chrome-mv3', file));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
    }
  });
});

describe('privacy', () => {
  it('makes no network request: only the test pages and the extension itself are fetched', () => {
    expect(browser.requests.length).toBeGreaterThan(0);
    // The engine and the drawing are fetched from the extension at its per-session address (docs/adr/0009, 0010).
    const ownFile = (url: string) =>
      url.startsWith(`chrome-extension://${browser.extensionId}/`) ||
      /^chrome-extension:\/\/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\/(medmark-engine|drug-view)\.js$/.test(url);
    const foreign = browser.requests.filter((url) => !url.startsWith(server.origin) && !ownFile(url));
    expect(foreign).toEqual([]);
  });
});

describe('dark theme', () => {
  it('renders the popover with dark colours when the page prefers dark', async () => {
    const dark = await launchWithExtension({ colorScheme: 'dark' });
    try {
      const page = await dark.context.newPage();
      await page.goto(`${server.origin}/article.html`);
      await settled(page, 10);
      await page.locator('#intro mark[data-drug="baclofen"]').first().click();
      const dialog = page.locator('[data-medmark-ui] .mm-popover');
      await expect.poll(() => dialog.locator('h2').textContent(), { timeout: 5_000 }).toBe('Baclofen');
      expect(await dialog.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(30, 35, 43)');
    } finally {
      await dark.close();
    }
  });
});
