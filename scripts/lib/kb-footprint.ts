/**
 * What the knowledge base costs the extension (issue 10): bundled sizes, the
 * name index the content script builds on every page start, and the
 * background's start-up work. Measured in Node on the built files and the
 * same modules the extension runs, so `npm run -s footprint` and
 * `npm run bench` print the same figures.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequestHandler } from '../../messaging/handle-request';
import { compileMisspellingIndex } from '../../drugs/misspelling-index';
import { decodeNames, encodeNames, type ShippedNames } from '../../drugs/name-encoding';
import { compileNameIndex } from '../../drugs/name-index';
import { nameEntriesOf, recordNameCount } from '../../drugs/name-entries';
import { median } from '../bench/stats';
import { EXTENSION_DIR } from './extension-browser';
import { kbSourcePaths, loadKnowledgeBase, loadMisspellingExclusions } from './kb-source';

export type KbFootprint = {
  records: number;
  names: number;
  /** The JSON source files in data/. */
  sourceBytes: number;
  /** The names shipped to the content script (JSON). */
  shippedNamesBytes: number;
  /** Built content script, when a build exists: the bootstrap injected into every page and frame. */
  contentScriptBytes?: number;
  /** Built engine, loaded by the bootstrap once a page has something to read (docs/adr/0010). */
  engineBytes?: number;
  /** Built preview and popover drawing, loaded on a reader's first hover or click (content/drug-view.ts). */
  drugViewBytes?: number;
  /** Built background script (it carries the knowledge base), when a build exists. */
  backgroundBytes?: number;
  /** Page start: parse the shipped names and build the name index (median). */
  nameIndexMs: number;
  /** First long word on a page that is no name: build the misspelling index (median). */
  misspellingIndexMs: number;
  /** Background start-up: parse the knowledge base and build the request handler with its indexes (median). */
  backgroundStartMs: number;
};

function timed(run: () => void, runs: number): number {
  run(); // warm up: the extension's code is compiled once per page too, but a cold first run measures the JIT, not us
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : undefined);

export function measureKbFootprint(runs = 31): KbFootprint {
  const kb = loadKnowledgeBase();
  const entries = nameEntriesOf(kb);
  const shippedNames = JSON.stringify({ names: encodeNames(entries), notMisspellings: loadMisspellingExclusions() } satisfies ShippedNames);
  const decodedEntries = decodeNames((JSON.parse(shippedNames) as ShippedNames).names);
  const exclusions = loadMisspellingExclusions();
  const shippedKb = JSON.stringify({ ...kb, drugs: kb.drugs.map(({ reviewNotes: _notes, ...rest }) => rest) });
  return {
    records: kb.drugs.length,
    names: recordNameCount(kb),
    sourceBytes: kbSourcePaths().reduce((sum, path) => sum + statSync(path).size, 0),
    shippedNamesBytes: Buffer.byteLength(shippedNames),
    contentScriptBytes: sizeOf(join(EXTENSION_DIR, 'content-scripts/content.js')),
    engineBytes: sizeOf(join(EXTENSION_DIR, 'medmark-engine.js')),
    drugViewBytes: sizeOf(join(EXTENSION_DIR, 'drug-view.js')),
    backgroundBytes: sizeOf(join(EXTENSION_DIR, 'background.js')),
    nameIndexMs: timed(() => {
      const shipped = JSON.parse(shippedNames) as ShippedNames;
      compileNameIndex(decodeNames(shipped.names), { misspellingExclusions: shipped.notMisspellings });
    }, runs),
    // Built by the matcher on the first long word that is no name.
    misspellingIndexMs: timed(() => compileMisspellingIndex(decodedEntries, exclusions), runs),
    backgroundStartMs: timed(() => {
      const handle = createRequestHandler(JSON.parse(shippedKb));
      handle({ type: 'medmark/details', id: kb.drugs[0].id, pageDrugIds: [] });
    }, runs),
  };
}

/** What a page with text loads before its first highlight: the bootstrap and the engine. */
export const pageScriptBytes = (f: KbFootprint): number | undefined =>
  f.contentScriptBytes === undefined || f.engineBytes === undefined ? undefined : f.contentScriptBytes + f.engineBytes;

const kB = (bytes?: number) => (bytes === undefined ? 'not built' : `${(bytes / 1000).toFixed(1)} kB`);

export function formatKbFootprint(f: KbFootprint): string {
  return [
    `Knowledge base: ${f.records} records, ${f.names} highlighted names`,
    `  data/ source JSON          ${kB(f.sourceBytes)}`,
    `  names shipped to pages     ${kB(f.shippedNamesBytes)}`,
    `  content script (minified)  ${kB(f.contentScriptBytes)}: the bootstrap, in every page and frame`,
    `  engine                     ${kB(f.engineBytes)}, loaded once a page has text (with the bootstrap: ${kB(pageScriptBytes(f))}, budget 150 kB)`,
    `  preview and popover        ${kB(f.drugViewBytes)}, loaded on the first hover or click`,
    `  background script          ${kB(f.backgroundBytes)}`,
    `  name index on page start   ${f.nameIndexMs.toFixed(1)} ms (median, Node)`,
    `  misspelling index          ${f.misspellingIndexMs.toFixed(1)} ms, on the first long word that is no name`,
    `  background start-up        ${f.backgroundStartMs.toFixed(1)} ms (parse the knowledge base, build the handler, first details)`,
  ].join('\n');
}
