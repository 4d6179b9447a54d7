/**
 * The usual setup of a browser test file: the fixture server and Chromium with
 * the built extension, started once before the file's tests and closed after.
 */
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from '../../../scripts/lib/extension-browser';

export type ExtensionSuite = { server: FixtureServer; browser: ExtensionBrowser };

export function setUpExtensionSuite(): ExtensionSuite {
  const suite = {} as ExtensionSuite;
  beforeAll(async () => {
    suite.server = await serveFixtures();
    suite.browser = await launchWithExtension();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
