/**
 * The toolbar popup, the badge, switching Medmark off and on, and My
 * medications on a page: the built extension in real Chromium. The popup is
 * opened as a tab (`popup.html?tabId=N`) for the page under test.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/extension-browser';
import { setUpExtensionSuite } from './helpers/extension-suite';

/** The few extension APIs the tests call inside extension pages (no @types/chrome needed). */
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { local: { clear(): Promise<void>; get(key: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
};

const suite = setUpExtensionSuite();

const marks = (page: Page) => page.locator('mark[data-medmark]');

async function openPage(path: string): Promise<Page> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.server.origin}${path}`);
  await expect.poll(() => marks(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  return page;
}

/** An extension page (popup, side panel, options) opened as a tab. */
async function extensionPage(path: string): Promise<Page> {
  const page = await suite.browser.context.newPage();
  await page.goto(`chrome-extension://${suite.browser.extensionId}/${path}`);
  return page;
}

/**
 * The tab id of `page`. Without the "tabs" permission the extension cannot read
 * tab URLs, so the page is brought to the front and the background asks for the
 * active tab.
 */
async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  const id = await suite.browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  if (id === undefined) throw new Error(`no tab for ${page.url()}`);
  return id;
}

async function popupFor(page: Page): Promise<Page> {
  const popup = await extensionPage(`popup.html?tabId=${await tabIdOf(page)}`);
  await popup.waitForSelector('.mm-popup');
  return popup;
}

const badge = (popup: Page, tabId: number) => popup.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

/** Empties My medications and resets settings through the extension's own storage. */
async function resetStorage() {
  const probe = await extensionPage('popup.html');
  await probe.evaluate(() => chrome.storage.local.clear());
  await probe.close();
}

describe('toolbar popup', () => {
  it('lists the drugs on the tab with mentions and markers, and jumps to the next mention each time', async () => {
    await resetStorage();
    const page = await openPage('/meds.html');
    const popup = await popupFor(page);
    const rows = popup.locator('.mm-drug-row');
    await expect.poll(() => rows.count()).toBe(5);
    const baclofen = rows.filter({ hasText: 'Baclofen' });
    expect(await baclofen.textContent()).toContain('3 mentions');
    expect(await rows.filter({ hasText: 'Warfarin' }).textContent()).toContain('Boxed warning');

    const scrollTop = () => page.evaluate(() => Math.round(window.scrollY));
    await baclofen.click();
    await expect.poll(() => page.locator('[data-medmark-ui] .mm-popover h2').textContent(), { timeout: 5_000 }).toBe('Baclofen');
    const first = await scrollTop();
    await baclofen.click();
    await expect.poll(scrollTop).toBeGreaterThan(first + 500);
    const second = await scrollTop();
    await baclofen.click();
    await expect.poll(scrollTop).toBeGreaterThan(second + 500);
    // The popover opens at the new mention (its details load from the background).
    await expect.poll(() => page.locator('[data-medmark-ui] .mm-popover h2').textContent(), { timeout: 5_000 }).toBe('Baclofen');
    await popup.close();
    await page.close();
  });

  it('calls out interactions and duplicates among the drugs on the page, most severe first', async () => {
    await resetStorage();
    const page = await openPage('/meds.html');
    const popup = await popupFor(page);
    const findings = popup.locator('.mm-finding');
    await expect.poll(() => findings.count()).toBeGreaterThan(2);
    const texts = await findings.allTextContents();
    // Percocet and Tylenol both contain acetaminophen; Advil is ibuprofen.
    expect(
      texts.some(
        (t) => /Oxycodone \/ acetaminophen \+ Acetaminophen|Acetaminophen \+ Oxycodone \/ acetaminophen/.test(t) && /Duplicate/.test(t),
      ),
    ).toBe(true);
    expect(texts.some((t) => /Advil/.test(t) && /same medicine/.test(t))).toBe(true);
    expect(texts.some((t) => /Ibuprofen \+ Warfarin/.test(t))).toBe(true);
    const rank = ['Do not combine', 'Major', 'Moderate', 'Minor'];
    const grades = await popup.locator('.mm-finding .mm-interaction__head .mm-badge').allTextContents();
    expect([...grades].sort((a, b) => rank.indexOf(a) - rank.indexOf(b))).toEqual(grades);
    await popup.close();
    await page.close();
  });

  it('shows the number of distinct drugs on the badge, updates it as content arrives and clears it on navigation', async () => {
    await resetStorage();
    const page = await openPage('/meds.html');
    const tabId = await tabIdOf(page);
    const popup = await extensionPage('popup.html');
    await expect.poll(() => badge(popup, tabId), { timeout: 5_000 }).toBe('5');
    await page.goto(`${suite.server.origin}/dynamic.html`);
    await expect.poll(() => badge(popup, tabId), { timeout: 5_000 }).toBe('');
    await page.evaluate(() => (window as unknown as { addPost(t: string): void }).addPost('Started metformin today.'));
    await expect.poll(() => badge(popup, tabId), { timeout: 5_000 }).toBe('1');
    await page.evaluate(() => (window as unknown as { addPost(t: string): void }).addPost('And lisinopril for blood pressure.'));
    await expect.poll(() => badge(popup, tabId), { timeout: 5_000 }).toBe('2');
    await popup.close();
    await page.close();
  });

  it('switches Medmark off for the site without a reload, leaving the page exactly as it was, and back on', async () => {
    await resetStorage();
    const page = await openPage('/meds.html');
    // The page as the server sent it, for comparison; and a marker that a reload would lose.
    const original = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return { html: doc.body.innerHTML, text: doc.body.textContent };
    });
    await page.evaluate(() => ((window as unknown as { __loaded: number }).__loaded = 1));
    const popup = await popupFor(page);
    await popup.getByRole('button', { name: /^Switch off on 127\.0\.0\.1$/ }).click();
    await expect.poll(() => marks(page).count(), { timeout: 5_000 }).toBe(0);
    expect(await page.evaluate(() => document.body.textContent)).toBe(original.text);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(original.html);
    await expect.poll(() => popup.locator('.mm-state').textContent()).toContain('switched off on 127.0.0.1');

    // Remembered: a new page on the same site stays off.
    const other = await suite.browser.context.newPage();
    await other.goto(`${suite.server.origin}/article.html`);
    await other.waitForTimeout(1_000);
    expect(await marks(other).count()).toBe(0);
    await other.close();

    await popup.getByRole('button', { name: 'Switch on for 127.0.0.1' }).first().click();
    await expect.poll(() => marks(page).count(), { timeout: 5_000 }).toBeGreaterThan(5);
    expect(await page.evaluate(() => (window as unknown as { __loaded?: number }).__loaded)).toBe(1);
    await popup.close();
    await page.close();
  });

  it('pauses everywhere and resumes', async () => {
    await resetStorage();
    const page = await openPage('/meds.html');
    const popup = await popupFor(page);
    await popup.getByRole('button', { name: 'Pause everywhere' }).click();
    await expect.poll(() => marks(page).count(), { timeout: 5_000 }).toBe(0);
    await expect.poll(() => popup.locator('.mm-state').textContent()).toContain('paused on every site');
    await popup.getByRole('button', { name: 'Resume Medmark' }).click();
    await expect.poll(() => marks(page).count(), { timeout: 5_000 }).toBeGreaterThan(5);
    await popup.close();
    await page.close();
  });

  it('says so on a page where it cannot run', async () => {
    const blank = await suite.browser.context.newPage();
    await blank.goto('about:blank');
    const tabId = await tabIdOf(blank);
    const popup = await extensionPage(`popup.html?tabId=${tabId}`);
    await expect.poll(() => popup.locator('.mm-state').textContent()).toContain('can’t read this page');
    await popup.close();
    await blank.close();
  });

  it('takes the README screenshot of the popup', async () => {
    await resetStorage();
    const page = await openPage('/meds.html');
    const popup = await popupFor(page);
    await expect.poll(() => popup.locator('.mm-drug-row').count()).toBe(5);
    await popup.setViewportSize({ width: 400, height: 720 });
    const shot = await popup.screenshot({ path: join(ROOT, 'docs/screenshot-popup.png') });
    expect(shot.byteLength).toBeGreaterThan(10_000);
    await popup.close();
    await page.close();
  });
});

describe('My medications on a page', () => {
  it('saving a medicine from the popover marks the drugs that interact with it, without a reload', async () => {
    await resetStorage();
    const page = await openPage('/meds.html');
    const ibuprofen = page.locator('#first mark[data-drug="ibuprofen"]').first();
    expect(await ibuprofen.getAttribute('data-mm-mine')).toBeNull();
    const before = await ibuprofen.evaluate((m) => getComputedStyle(m).textDecorationStyle);

    await page.locator('#first mark[data-drug="warfarin"]').click();
    const dialog = page.locator('[data-medmark-ui] .mm-popover');
    await expect.poll(() => dialog.locator('h2').textContent(), { timeout: 5_000 }).toBe('Warfarin');
    await dialog.getByRole('button', { name: 'Add to My medications' }).click();

    await expect.poll(() => ibuprofen.getAttribute('data-mm-mine'), { timeout: 5_000 }).toBe('major');
    // Distinct by more than colour: the underline's style changes.
    expect(await ibuprofen.evaluate((m) => getComputedStyle(m).textDecorationStyle)).toBe('double');
    expect(before).not.toBe('double');

    // The preview names the reader's medicine first.
    await page.keyboard.press('Escape');
    await ibuprofen.hover();
    const preview = page.locator('[data-medmark-ui] .mm-preview-box');
    await expect.poll(() => preview.locator('.mm-preview__mine').textContent(), { timeout: 5_000 }).toContain('Warfarin');
    await page.close();
  });

  it('saving a medicine from the popup does the same, and the popup then calls out the pair with "yours"', async () => {
    await resetStorage();
    const page = await openPage('/meds.html');
    const popup = await popupFor(page);
    await popup.getByRole('button', { name: /^Add to My medications\W+Warfarin$/ }).click();
    await expect
      .poll(() => page.locator('#first mark[data-drug="ibuprofen"]').first().getAttribute('data-mm-mine'), { timeout: 5_000 })
      .toBe('major');
    await expect
      .poll(() => popup.locator('.mm-finding').allTextContents(), { timeout: 5_000 })
      .toContainEqual(expect.stringContaining('Warfarin (yours)'));
    await popup.close();
    await page.close();
  });
});
