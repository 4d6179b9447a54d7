/** The Firefox build: it builds, and Mozilla's addons-linter finds no errors. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/extension-browser';

/**
 * Warnings we accept, each with its reason. Preact's renderer contains an
 * innerHTML assignment for `dangerouslySetInnerHTML`, which Medmark never uses
 * (components render text only; see tests/unit/components.test.tsx).
 */
const ACCEPTED_WARNINGS = new Set(['UNSAFE_VAR_ASSIGNMENT content-scripts/content.js']);

describe('Firefox build', () => {
  it('builds and passes addons-linter', () => {
    const build = spawnSync(join(ROOT, 'node_modules/.bin/wxt'), ['build', '-b', 'firefox'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const lint = spawnSync(join(ROOT, 'node_modules/.bin/addons-linter'), ['--output', 'json', join(ROOT, '.output/firefox-mv2')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const report = JSON.parse(lint.stdout);
    expect(report.errors).toEqual([]);
    const warnings = report.warnings.map((w: { code: string; file: string }) => `${w.code} ${w.file}`);
    expect(warnings.filter((w: string) => !ACCEPTED_WARNINGS.has(w))).toEqual([]);
  }, 120_000);
});
