/**
 * What a page loads and when (issue 11, docs/adr/0009 and 0010): the engine
 * only once the page has something to read, the preview and popover drawing
 * only on the first hover; and a page cannot load either file itself to learn
 * that Medmark is installed. The built extension in real Chromium.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUpExtensionSuite } from './helpers/extension-suite';

/** The extension APIs the tests call in the service worker (no @types/chrome needed). */
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(tabId: number, message: object): Promise<unknown> };
};

const suite = setUpExtensionSuite();
const requestsFor = (file: string) => suite.browser.requests.filter((url) => url.endsWith(`/${file}`)).length;

/** What the toolbar popup is told about `page` (asked from the background, as the popup asks). */
async function pageState(page: Page) {
  await page.bringToFront();
  return suite.browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab.id!, { type: 'medmark/page-state' });
  });
}

describe('the engine', () => {
  it('is not loaded on a page with nothing to read, and is once the page adds text', async () => {
    const before = requestsFor('medmark-engine.js');
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.server.origin}/empty.html`);
    await page.waitForTimeout(800);
    expect(requestsFor('medmark-engine.js')).toBe(before);
    await page.evaluate(() => {
      document.getElementById('slot')!.append(document.createTextNode('Baclofen eases spasticity.'));
    });
    await expect.poll(() => page.locator('mark[data-drug="baclofen"]').count(), { timeout: 10_000 }).toBe(1);
    expect(requestsFor('medmark-engine.js')).toBeGreaterThan(before);
    await page.close();
  });

  it('answers the toolbar popup on a page with nothing to read', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.server.origin}/empty.html`);
    await page.waitForTimeout(300);
    expect(await pageState(page)).toEqual({ status: 'on', host: '127.0.0.1', drugs: [] });
    await page.close();
  });
});

describe('the drug view', () => {
  it('is loaded on the first hover over a highlight, not when the page loads', async () => {
    const page = await suite.browser.context.newPage();
    const before = requestsFor('drug-view.js');
    await page.goto(`${suite.server.origin}/article.html`);
    const mark = page.locator('mark[data-medmark]').first();
    await expect.poll(() => mark.count(), { timeout: 15_000 }).toBe(1);
    await page.waitForTimeout(500);
    expect(requestsFor('drug-view.js')).toBe(before);
    expect(await page.locator('[data-medmark-ui]').count()).toBe(0);
    await mark.hover();
    await expect.poll(() => page.locator('[data-medmark-ui] .mm-preview').count(), { timeout: 5_000 }).toBe(1);
    // Chrome may list the file under both the extension's id and its per-session id.
    expect(requestsFor('drug-view.js')).toBeGreaterThan(before);
    await page.close();
  });
});

describe('a page', () => {
  it('cannot load the engine or the drawing at the extension address', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.server.origin}/article.html`);
    for (const file of ['medmark-engine.js', 'drug-view.js']) {
      const url = `chrome-extension://${suite.browser.extensionId}/${file}`;
      const outcome = await page.evaluate(async (src) => {
        const fetched = await fetch(src).then(
          () => 'loaded',
          () => 'blocked',
        );
        const script = await new Promise<string>((done) => {
          const element = document.createElement('script');
          element.src = src;
          element.onload = () => done('loaded');
          element.onerror = () => done('blocked');
          document.head.append(element);
        });
        return { fetched, script };
      }, url);
      expect(outcome, file).toEqual({ fetched: 'blocked', script: 'blocked' });
    }
    await page.close();
  });
});
