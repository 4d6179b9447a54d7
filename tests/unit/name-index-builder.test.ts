// @vitest-environment happy-dom
/**
 * The name index built a slice at a time (issue 11): the same index as a
 * build in one go, nothing done before the first step, and a page scanner
 * that steps it only once it has text to match.
 */
import { describe, expect, it } from 'vitest';
import { createPageScanner } from '../../content/page-scanner';
import { findMatches } from '../../drugs/match';
import { nameEntriesOf } from '../../drugs/name-entries';
import { compileNameIndex, createNameIndexBuilder, type TrieNode } from '../../drugs/name-index';
import { sampleKb } from './helpers/sample-kb';

/** The sample records and 1,000 made-up names, so a build takes many steps. */
const entries = [
  ...nameEntriesOf(sampleKb()),
  ...Array.from({ length: 1000 }, (_, i) => ({ name: `zz${i.toString(36)}ine tablets`, drug: `zz${i}` })),
];

/** The trie as plain data, to compare two indexes. */
const shape = (node: TrieNode): unknown => ({
  targets: node.targets,
  children: Object.fromEntries([...node.children].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, shape(v)])),
});

describe('name index builder', () => {
  it('reads nothing before its first step, then builds the same index as compileNameIndex over several steps', () => {
    let loads = 0;
    const builder = createNameIndexBuilder(() => {
      loads++;
      return { entries, misspellingExclusions: [] };
    });
    expect(loads).toBe(0);
    let clock = 0;
    let steps = 0;
    // A clock past the deadline at every reading: each step adds one batch of names.
    while (!builder.step(0, () => ++clock)) steps++;
    expect(loads).toBe(1);
    expect(steps).toBeGreaterThan(0);
    const whole = compileNameIndex(entries, { misspellingExclusions: [] });
    expect(shape(builder.index.root)).toEqual(shape(whole.root));
    expect([builder.index.size, builder.index.minFirstLength, builder.index.maxFirstLength]).toEqual([
      whole.size,
      whole.minFirstLength,
      whole.maxFirstLength,
    ]);
    const text = 'Took Zoloft and baclofen, then metphormin.';
    expect(findMatches(builder.index, text)).toEqual(findMatches(whole, text));
    expect(builder.step(0, () => ++clock)).toBe(true);
  });

  it('is stepped by the scanner only when there is text to match, and nothing is matched before it is done', async () => {
    const builder = createNameIndexBuilder(() => ({ entries }));
    let prepareCalls = 0;
    let clock = 0;
    const scanner = () =>
      createPageScanner({
        index: builder.index,
        prepare: (deadline, now) => (prepareCalls++, builder.step(deadline, now)),
        now: () => clock++,
        schedule: (run) => setTimeout(run, 0),
      });
    document.body.innerHTML = '<div><span> </span><img alt=""></div>';
    const empty = scanner();
    empty.scan(document.body);
    await empty.idle();
    expect(prepareCalls).toBe(0);
    expect(builder.index.size).toBe(0);

    document.body.innerHTML = '<p>Baclofen helps spasticity; Zoloft is sertraline.</p>';
    const withText = scanner();
    withText.scan(document.body);
    await withText.idle();
    expect(prepareCalls).toBeGreaterThan(1);
    expect(builder.index.size).toBe(compileNameIndex(entries).size);
    expect(Array.from(document.querySelectorAll('mark[data-medmark]')).map((m) => m.textContent)).toEqual([
      'Baclofen',
      'Zoloft',
      'sertraline',
    ]);
  });
});
