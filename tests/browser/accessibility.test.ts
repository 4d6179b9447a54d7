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

    it('the preview is the highlight’s description; the popover is a labelled dialog', async () => {
      const page = await article();
      const mark = page.locator('#intro mark[data-drug="baclofen"]').first();
      expect(await mark.getAttribute('role')).toBe('button');
      await mark.hover();
      await expect.poll(() => mark.getAttribute('aria-description'), { timeout: 5_000 }).toMatch(/^Muscle relaxant.*\. .*muscle/i);
      await mark.click();
      const dialog = page.locator('[data-medmark-ui] [role="dialog"]');
      await expect.poll(() => dialog.locator('h2').textContent(), { timeout: 5_000 }).toBe('Baclofen');
      const labelledBy = await dialog.getAttribute('aria-labelledby');
      expect(await dialog.locator(`#${labelledBy}`).textContent()).toBe('Baclofen');
      await page.close();
    });

    it('at 200% zoom, nothing is cut off: the popover, the popup and the side panel fit the width', async () => {
      // A 1100 x 800 window at 200% lays pages out in 550 x 400 CSS pixels.
      const page = await article();
      await page.setViewportSize({ width: 550, height: 400 });
      await page.locator('#intro mark[data-drug="sertraline"]').first().click();
      const popover = page.locator('[data-medmark-ui] .mm-popover');
      await expect.poll(() => popover.locator('h2').textContent(), { timeout: 5_000 }).toBe('Sertraline');
      const box = await popover.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return {
          left: r.left,
          right: r.right,
          top: r.top,
          bottom: r.bottom,
          scrolls: el.scrollHeight > el.clientHeight ? getComputedStyle(el).overflowY : 'fits',
        };
      });
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(550);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(400);
      // What does not fit the height scrolls inside the card.
      expect(['fits', 'auto', 'scroll']).toContain(box.scrolls);
      await page.bringToFront();
      const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
      // A popup may be up to 800 px wide, so at 200% it has 400 CSS pixels (ours asks for 380); a
      // side panel is about 400 px wide, 200 CSS pixels at 200%.
      for (const [path, width, ready] of [
        [`popup.html?tabId=${tabId}`, 400, '.mm-drug-row'],
        ['sidepanel.html', 200, 'input[type="search"]'],
      ] as const) {
        const view = await browser.context.newPage();
        await view.setViewportSize({ width, height: 400 });
        await view.goto(`chrome-extension://${browser.extensionId}/${path}`);
        await view.waitForSelector(ready);
        const overflow = await view.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
        await view.close();
      }
      await page.close();
    });

    it('in forced colours (high contrast) and with reduced motion, the popover keeps its edge and nothing moves', async () => {
      const page = await article();
      await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
      await page.locator('#intro mark[data-drug="baclofen"]').first().click();
      const popover = page.locator('[data-medmark-ui] .mm-popover');
      await expect.poll(() => popover.locator('h2').textContent(), { timeout: 5_000 }).toBe('Baclofen');
      expect(await popover.evaluate((el) => getComputedStyle(el).borderTopWidth)).toBe('2px');
      const moving = await popover.evaluate(
        (el) =>
          [el, ...Array.from(el.querySelectorAll('*'))].filter((e) => {
            const style = getComputedStyle(e);
            return parseFloat(style.transitionDuration) > 0 || style.animationName !== 'none';
          }).length,
      );
      expect(moving).toBe(0);
      expect(await violations(page, '[data-medmark-ui]')).toEqual([]);
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
