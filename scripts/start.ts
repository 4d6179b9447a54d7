/**
 * `npm start`: opens Chromium with the freshly built extension on a bundled
 * demo page served from 127.0.0.1. Headed when a display is available;
 * otherwise headless, saving a screenshot so the result can still be seen.
 */
import { join } from 'node:path';
import { launchWithExtension, ROOT, serveFixtures } from './lib/extension-browser';

const server = await serveFixtures();
const url = `${server.origin}/demo.html`;
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const browser = await launchWithExtension({ headless: !headed });
const page = await browser.context.newPage();
await page.goto(url);
console.log(`Medmark is loaded in Chromium on ${url}`);

if (headed) {
  console.log('Hover or click a highlighted medicine. Close the browser window (or press Ctrl+C) to stop.');
  await new Promise<void>((done) => {
    browser.context.on('close', () => done());
    process.on('SIGINT', () => done());
  });
} else {
  await page.waitForSelector('mark[data-medmark]', { timeout: 15_000 });
  await page.locator('mark[data-drug="baclofen"]').first().click();
  await page.waitForSelector('[data-medmark-ui] .mm-popover h2', { timeout: 10_000 });
  const shot = join(ROOT, 'demo-screenshot.png');
  await page.screenshot({ path: shot });
  const count = await page.locator('mark[data-medmark]').count();
  console.log(`No display found, so Chromium ran headless: ${count} medicines highlighted; popover screenshot saved to ${shot}`);
}
await browser.close();
await server.close();
