/**
 * axe-core (WCAG 2.2 A and AA rules) on every view that shows medical
 * content: the preview and the popover on a page, the toolbar popup, the side
 * panel, the settings page and the onboarding page, in light and dark themes (issue 12). Zero
 * violations. The built extension in real Chromium.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from '../../scripts/lib/extension-browser';

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } };

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

type Violation = { id: string; impact: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };

/** axe's violations inside `include` (a selector; the page when omitted), each as "rule: target (why)". */
async function violations(page: Page, include?: string): Promise<string[]> {
  // Evaluated, not added as a <script>: extension pages' CSP allows no inline script.
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(
    async ({ include, tags }) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
      const result = await axe.run(include ? { include: [include] } : document, { runOnly: { type: 'tag', values: tags } });
      return result.violations;
    },
    { include, tags: WCAG_TAGS },
  );
  return found.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} (${n.failureSummary ?? v.help})`));
}

let server: FixtureServer;
beforeAll(async () => {
  server = await serveFixtures();
});
afterAll(async () => {
  await server?.close();
});

for (const scheme of ['light', 'dark'] as const) {
  describe(`accessibility, ${scheme} theme`, () => {
    let browser: ExtensionBrowser;
    beforeAll(async () => {
      browser = await launchWithExtension({ colorScheme: scheme });
    });
    afterAll(async () => {
      await browser?.close();
    });

    const extensionPage = async (path: string, ready: string) => {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      await page.waitForSelector(ready);
      return page;
    };

    const article = async () => {
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}/article.html`);
      await expect.poll(() => page.locator('mark[data-medmark]').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(10);
      return page;
    };

    it('the preview and the popover', async () => {
      const page = await article();
      await page.locator('#intro mark[data-drug="baclofen"]').first().hover();
      await expect.poll(() => page.locator('[data-medmark-ui] .mm-preview__name').textContent(), { timeout: 5_000 }).toBe('Baclofen');
      await expect.poll(() => page.locator('[data-medmark-ui] .mm-preview[aria-busy]').count()).toBe(0);
      expect(await violations(page, '[data-medmark-ui]')).toEqual([]);
      await page.locator('#intro mark[data-drug="sertraline"]').first().click();
      await expect.poll(() => page.locator('[data-medmark-ui] .mm-popover h2').textContent(), { timeout: 5_000 }).toBe('Sertraline');
      expect(await violations(page, '[data-medmark-ui]')).toEqual([]);
      // The highlights themselves, in the page's own text.
      expect(await violations(page, '#intro')).toEqual([]);
      await page.close();
    });

    it('the toolbar popup', async () => {
      const page = await article();
      await page.bringToFront();
      const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
      const popup = await extensionPage(`popup.html?tabId=${tabId}`, '.mm-drug-row');
      expect(await violations(popup)).toEqual([]);
      await popup.close();
      await page.close();
    });

    it('the side panel, with a search and a record open', async () => {
      const panel = await extensionPage('sidepanel.html', 'input[type="search"]');
      expect(await violations(panel)).toEqual([]);
      await panel.getByLabel('Search medicines, brands or conditions').fill('warfarin');
      await panel.locator('.mm-result__open').first().click();
      await panel.waitForSelector('#mm-record-title');
      expect(await violations(panel)).toEqual([]);
      await panel.close();
    });

    it('the onboarding page, with its sample highlighted', async () => {
      const page = await extensionPage('onboarding.html', '#mm-sample mark[data-medmark]');
      expect(await violations(page)).toEqual([]);
      await page.close();
    });

    it('the settings page', async () => {
      const options = await extensionPage('options.html', 'main, form, h1');
      expect(await violations(options)).toEqual([]);
      await options.close();
    });
  });
}
