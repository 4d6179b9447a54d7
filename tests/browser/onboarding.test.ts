/**
 * The onboarding page (issue 12): opened once on install, with what Medmark
 * does, the privacy promise, the notice, the shortcuts and a paragraph that is
 * really highlighted. The built extension in real Chromium.
 */
import { describe, expect, it } from 'vitest';
import { MEDICAL_NOTICE_TEXT } from '../../components/MedicalNotice';
import { COMMANDS, displayShortcut } from '../../messaging/commands';
import { setUpExtensionSuite } from './helpers/extension-suite';

const suite = setUpExtensionSuite();

describe('the onboarding page', () => {
  it('opens by itself when Medmark is installed', async () => {
    const url = `chrome-extension://${suite.browser.extensionId}/onboarding.html`;
    await expect.poll(() => suite.browser.context.pages().some((p) => p.url() === url), { timeout: 10_000 }).toBe(true);
  });

  it('says what Medmark does, the privacy promise, the notice and the shortcuts, and highlights its sample', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`chrome-extension://${suite.browser.extensionId}/onboarding.html`);
    await page.waitForSelector('h1');
    const text = (await page.textContent('main')) ?? '';
    expect(text).toMatch(/finds the names of medicines/);
    expect(text).toMatch(/sends nothing anywhere/);
    expect(text).toContain(MEDICAL_NOTICE_TEXT);
    await expect
      .poll(() => page.$$eval('.mm-shortcut-list kbd', (keys) => keys.map((k) => k.textContent)))
      .toEqual(Object.values(COMMANDS).map((c) => displayShortcut(c.key)));
    await expect
      .poll(() => page.$$eval('#mm-sample mark[data-medmark]', (marks) => marks.map((m) => (m as HTMLElement).dataset.drug)), {
        timeout: 10_000,
      })
      .toEqual(['sertraline', 'acetaminophen', 'ibuprofen', 'warfarin', 'sertraline', 'sertraline']);
    await page.locator('#mm-sample mark[data-drug="warfarin"]').click();
    await expect.poll(() => page.locator('[data-medmark-ui] .mm-popover h2').textContent(), { timeout: 5_000 }).toBe('Warfarin');
    await page.close();
  });
});
