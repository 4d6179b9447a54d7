/**
 * Debian's Firefox ESR with the unpacked Firefox build installed, driven by
 * puppeteer-core over WebDriver BiDi (nothing is downloaded). The extension
 * gets a fixed internal UUID through Firefox's own preference, so its pages
 * can be opened as tabs at a known moz-extension:// address.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { ROOT } from './extension-browser';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');
/** The gecko id in wxt.config.ts. */
const GECKO_ID = 'medmark@medmark.invalid';
/** Any fixed UUID: Firefox otherwise draws a random one per installation. */
const EXTENSION_UUID = '0b4e7c2a-5d7e-4a8b-9a61-3f2d8c9e1a47';

export type FirefoxWithExtension = { browser: Browser; origin: string; close(): Promise<void> };

export async function launchFirefoxWithExtension(): Promise<FirefoxWithExtension> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first (npm test does).`);
  }
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox not found at ${FIREFOX}: run \`bash scripts/ensure-test-packages.sh\` (apt-get install firefox-esr).`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }) },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return { browser, origin: `moz-extension://${EXTENSION_UUID}`, close: () => browser.close() };
}
