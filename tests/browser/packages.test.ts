/**
 * The store packages (issue 12): `npm run zip` makes the Chrome and Firefox
 * packages and the Firefox source archive, named with the version in
 * package.json; the Chrome package, unpacked, loads in Chromium and works; the
 * version has a CHANGELOG entry and the store listing carries the privacy
 * statement.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, ROOT, serveFixtures, type FixtureServer } from '../../scripts/lib/extension-browser';
import { buildEnv } from './helpers/build-env';

const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const zipPath = (kind: string) => join(ROOT, '.output', `medmark-${version}-${kind}.zip`);
const entries = (kind: string) => unzipSync(readFileSync(zipPath(kind)));

let unpacked: string;
let server: FixtureServer;
beforeAll(() => {
  const zip = spawnSync('npm', ['run', '-s', 'zip'], { cwd: ROOT, encoding: 'utf8', env: buildEnv() });
  expect(zip.status, zip.stderr).toBe(0);
}, 180_000);
afterAll(async () => {
  if (unpacked) rmSync(unpacked, { recursive: true, force: true });
  await server?.close();
});

describe('npm run zip', () => {
  it('makes the Chrome and Firefox packages, each with its manifest at the top and the version from package.json', () => {
    for (const kind of ['chrome', 'firefox']) {
      const files = entries(kind);
      const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
      expect(manifest.version, kind).toBe(version);
      expect(Object.keys(files), kind).toEqual(
        expect.arrayContaining(['icon/16.png', 'icon/128.png', 'popup.html', 'onboarding.html', 'content-scripts/content.js']),
      );
    }
    expect(JSON.parse(new TextDecoder().decode(entries('firefox')['manifest.json'])).browser_specific_settings.gecko.id).toBe(
      'medmark@medmark.invalid',
    );
  });

  it('makes a Firefox source archive a reviewer can build from', () => {
    const names = Object.keys(entries('sources'));
    expect(names).toEqual(
      expect.arrayContaining([
        'package.json',
        'package-lock.json',
        'wxt.config.ts',
        'README.md',
        'assets/icon.svg',
        'entrypoints/content.ts',
      ]),
    );
    expect(names.some((name) => name.startsWith('data/drugs/'))).toBe(true);
    expect(names.some((name) => name.startsWith('node_modules/') || name.startsWith('.output/'))).toBe(false);
  });

  it('the Chrome package, unpacked, loads in Chromium and highlights a page', async () => {
    unpacked = mkdtempSync(join(tmpdir(), 'medmark-package-'));
    for (const [name, bytes] of Object.entries(entries('chrome'))) {
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(unpacked, name)), { recursive: true });
      writeFileSync(join(unpacked, name), bytes);
    }
    server = await serveFixtures();
    const browser = await launchWithExtension({ extensionDir: unpacked });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}/article.html`);
      await expect.poll(() => page.locator('#intro mark[data-drug="baclofen"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await page.locator('#intro mark[data-drug="baclofen"]').first().click();
      await expect.poll(() => page.locator('[data-medmark-ui] .mm-popover h2').textContent(), { timeout: 5_000 }).toBe('Baclofen');
    } finally {
      await browser.close();
    }
  });

  it('the version has a CHANGELOG entry, and the store listing states the privacy promise', () => {
    expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toMatch(new RegExp(`^## ${version.replace(/\./g, '\\.')}\\b`, 'm'));
    const listing = readFileSync(join(ROOT, 'docs/store-listing.md'), 'utf8');
    expect(listing).toMatch(/## Privacy statement/);
    expect(listing).toMatch(/does not collect, store or send any data/);
    expect(listing).toMatch(/not a substitute for advice/);
  });
});
