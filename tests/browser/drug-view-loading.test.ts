/**
 * The preview and popover drawing (`/drug-view.js`) is loaded on first use,
 * not with every page (issue 11, docs/adr/0009), and a page cannot load it
 * itself to learn that Medmark is installed. The built extension in real Chromium.
 */
import { describe, expect, it } from 'vitest';
import { useExtensionSuite } from './helpers/extension-suite';

const suite = useExtensionSuite();
const viewRequests = () => suite.browser.requests.filter((url) => url.endsWith('/drug-view.js'));

describe('the drug view', () => {
  it('is loaded on the first hover over a highlight, not when the page loads', async () => {
    const page = await suite.browser.context.newPage();
    const before = viewRequests().length;
    await page.goto(`${suite.server.origin}/article.html`);
    const mark = page.locator('mark[data-medmark]').first();
    await expect.poll(() => mark.count(), { timeout: 15_000 }).toBe(1);
    await page.waitForTimeout(500);
    expect(viewRequests().length).toBe(before);
    expect(await page.locator('[data-medmark-ui]').count()).toBe(0);
    await mark.hover();
    await expect.poll(() => page.locator('[data-medmark-ui] .mm-preview').count(), { timeout: 5_000 }).toBe(1);
    // Chrome may list the file under both the extension's id and its per-session id.
    expect(viewRequests().length).toBeGreaterThan(before);
    await page.close();
  });

  it('cannot be loaded by the page at the extension URL', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.server.origin}/article.html`);
    const url = `chrome-extension://${suite.browser.extensionId}/drug-view.js`;
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
    expect(outcome).toEqual({ fetched: 'blocked', script: 'blocked' });
    await page.close();
  });
});
