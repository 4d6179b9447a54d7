/**
 * Vite plugin that validates `data/` at build time and exposes it to the
 * extension as two virtual modules:
 * - `virtual:medmark/kb`: the whole knowledge base, for the background only;
 * - `virtual:medmark/names`: just the names (a JSON string of the compact
 *   form in `drugs/name-encoding.ts`) and the words never taken for
 *   misspellings, for the
 *   content script, which must stay small because it is injected into every page.
 * A validation error fails the build with the file and field named.
 */
import type { Plugin } from 'vite';
import { encodeNames, type ShippedNames } from '../../drugs/name-encoding';
import { nameEntriesOf } from '../../drugs/name-entries';
import { kbSourcePaths, loadKnowledgeBase, loadMisspellingExclusions } from './kb-source';

const KB_ID = 'virtual:medmark/kb';
const NAMES_ID = 'virtual:medmark/names';

export function medmarkKnowledgeBase(): Plugin {
  return {
    name: 'medmark-knowledge-base',
    resolveId(id) {
      if (id === KB_ID || id === NAMES_ID) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (id !== `\0${KB_ID}` && id !== `\0${NAMES_ID}`) return undefined;
      for (const path of kbSourcePaths()) this.addWatchFile(path);
      const kb = loadKnowledgeBase();
      // A JSON string, parsed at start-up: much cheaper for V8 than an object literal.
      if (id === `\0${NAMES_ID}`) {
        const shipped: ShippedNames = { names: encodeNames(nameEntriesOf(kb)), notMisspellings: loadMisspellingExclusions() };
        return `export default ${JSON.stringify(JSON.stringify(shipped))};`;
      }
      // Review notes are for reviewers, not readers: keep them out of the bundle.
      const shipped = { ...kb, drugs: kb.drugs.map(({ reviewNotes: _notes, ...rest }) => rest) };
      return `export default ${JSON.stringify(shipped)};`;
    },
  };
}
