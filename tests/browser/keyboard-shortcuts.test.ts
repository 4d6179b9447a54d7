/**
 * The keyboard shortcuts (issue 12) in real Chromium: declared as commands the
 * reader can change, and what the page does when one is pressed. A headless
 * browser cannot press a browser-level shortcut, so the test sends the page
 * the request the background sends for each command (`requestForCommand`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { COMMANDS, requestForCommand, type CommandName } from '../../messaging/commands';
import { ROOT } from '../../scripts/lib/extension-browser';
import { setUpExtensionSuite } from './helpers/extension-suite';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(tabId: number, message: object, options?: object): Promise<unknown> };
};

const suite = setUpExtensionSuite();

/** What the background does for `command` in the active tab. */
async function press(page: Page, command: CommandName): Promise<unknown> {
  await page.bringToFront();
  return suite.browser.worker.evaluate(async (request) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab.id!, request, { frameId: 0 });
  }, requestForCommand(command)!);
}

async function article(): Promise<Page> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.server.origin}/article.html`);
  await expect.poll(() => page.locator('mark[data-medmark]').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(10);
  return page;
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.localName, drug: el?.dataset.drug ?? el?.querySelector<HTMLElement>('mark')?.dataset.drug, text: el?.textContent };
  });
const announced = (page: Page) => page.$eval('[data-medmark-ui]', (host) => host.shadowRoot!.querySelector('[role="status"]')!.textContent);

describe('keyboard shortcuts', () => {
  it('are declared as commands, with the keys the README and the popup list', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, '.output/chrome-mv3/manifest.json'), 'utf8'));
    for (const [name, c] of Object.entries(COMMANDS)) {
      expect(manifest.commands[name]).toEqual({ suggested_key: { default: c.key }, description: c.description });
    }
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const c of Object.values(COMMANDS)) expect(readme).toContain(c.description);
  });

  it('next and previous move focus through the highlights in reading order and say which medicine', async () => {
    const page = await article();
    const total = await page.locator('mark[data-medmark]').count();
    expect(await press(page, 'next-highlight')).toEqual({ text: 'baclofen', drug: 'baclofen', position: 1, total });
    expect(await focused(page)).toMatchObject({ tag: 'mark', drug: 'baclofen' });
    await expect.poll(() => announced(page)).toBe(`baclofen: medicine 1 of ${total} on this page`);
    expect(await press(page, 'next-highlight')).toMatchObject({ text: 'Lioresal', drug: 'baclofen', position: 2 });
    expect(await focused(page)).toMatchObject({ tag: 'mark', text: 'Lioresal' });
    expect(await press(page, 'previous-highlight')).toMatchObject({ text: 'baclofen', position: 1 });
    // Back past the first: the last, far down the page, scrolled into view.
    expect(await press(page, 'previous-highlight')).toMatchObject({ drug: 'amlodipine', position: total });
    expect(
      await page.$eval('#far mark', (m) => m.getBoundingClientRect().top >= 0 && m.getBoundingClientRect().bottom <= innerHeight),
    ).toBe(true);
    // Enter on the focused highlight opens its popover (the usual keyboard path).
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-medmark-ui] .mm-popover h2').textContent()).toBe('Amlodipine');
    await page.close();
  });

  it('a highlight inside a link gives the focus to the link', async () => {
    const page = await article();
    // The last highlight before the link ("meloxicam"), then the next one: the link's "baclofen".
    await page.evaluate(() => document.querySelector<HTMLElement>('#dose mark:last-of-type')!.focus());
    expect(await focused(page)).toMatchObject({ tag: 'mark', text: 'meloxicam' });
    expect(await press(page, 'next-highlight')).toMatchObject({ drug: 'baclofen', text: 'baclofen' });
    expect(await focused(page)).toMatchObject({ tag: 'a', drug: 'baclofen' });
    await page.close();
  });

  it('toggle switches the highlights off for this page, leaving its text as it was, and back on', async () => {
    const page = await article();
    const text = await page.evaluate(() => document.body.innerText);
    expect(await press(page, 'toggle-highlights')).toMatchObject({ status: 'page-off', drugs: [] });
    expect(await page.locator('mark[data-medmark]').count()).toBe(0);
    expect(await page.evaluate(() => document.body.innerText)).toBe(text);
    expect(await press(page, 'next-highlight')).toBeNull();
    const on = (await press(page, 'toggle-highlights')) as { status: string };
    expect(on.status).toBe('on');
    await expect.poll(() => page.locator('mark[data-medmark]').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(10);
    await page.close();
  });
});
