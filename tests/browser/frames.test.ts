/**
 * Frames: same-origin and cross-origin iframes, srcdoc, about:blank and sandboxed frames
 * are each a page of their own, highlighted with their own UI. The built
 * extension in real Chromium.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from '../../scripts/lib/extension-browser';

let server: FixtureServer;
let other: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await serveFixtures();
  other = await serveFixtures(); // another port: another origin
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await other?.close();
});

const frameMarks = (frame: Frame) => frame.$$eval('mark[data-medmark]', (ms) => ms.map((m) => (m as HTMLElement).dataset.drug));

async function frameById(page: Page, id: string): Promise<Frame> {
  const handle = await page.waitForSelector(`#${id}`);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`no frame #${id}`);
  return frame;
}

describe('frames', () => {
  it('highlights names in same-origin, cross-origin, srcdoc, about:blank and sandboxed frames, each with its own popover', async () => {
    const page: Page = await browser.context.newPage();
    await page.goto(`${server.origin}/attacks/frames.html?other=${encodeURIComponent(other.origin)}`);
    await expect.poll(() => page.$$eval('#top mark[data-medmark]', (ms) => ms.length), { timeout: 10_000 }).toBe(1);
    const expected: [string, string][] = [
      ['same', 'baclofen'],
      ['cross', 'baclofen'],
      ['srcdoc', 'lisinopril'],
      ['blank', 'amlodipine'],
      // Sandboxed frames have an opaque origin; the engine is still loaded into them.
      ['sandboxed', 'warfarin'],
      ['sandboxed-src', 'baclofen'],
    ];
    for (const [id, drug] of expected) {
      const frame = await frameById(page, id);
      await expect.poll(() => frameMarks(frame), { timeout: 10_000, message: id }).toEqual([drug]);
    }
    // The cross-origin frame opens its own popover inside itself.
    const cross = await frameById(page, 'cross');
    await cross.click('mark[data-medmark]');
    await expect.poll(() => cross.locator('[data-medmark-ui] .mm-popover h2').textContent(), { timeout: 5_000 }).toBe('Baclofen');
    // So does a sandboxed one (its drawing is loaded into its opaque origin too).
    const sandboxed = await frameById(page, 'sandboxed');
    await sandboxed.click('mark[data-medmark]');
    await expect.poll(() => sandboxed.locator('[data-medmark-ui] .mm-popover h2').textContent(), { timeout: 5_000 }).toBe('Warfarin');
    await page.close();
  });
});
