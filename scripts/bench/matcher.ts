/**
 * The matcher alone (Node): time to scan ~2 MB of text with the real names
 * and with 5,000 extra synthetic names. The cost should follow the text, not
 * the number of names.
 */
import { findMatches } from '../../drugs/match';
import { compileNameIndex, type NameEntry } from '../../drugs/name-index';
import { median } from './stats';

export type MatcherBench = {
  textKiB: number;
  names: number;
  ms: number;
  matches: number;
  manyNames: number;
  manyMs: number;
  ratio: number;
};

export function benchMatcher(realNames: NameEntry[], text: string): MatcherBench {
  const synthetic: NameEntry[] = Array.from({ length: 5000 }, (_, i) => ({
    name: `zz${i.toString(36)}drug extended release`,
    drug: `zz${i}`,
  }));
  const time = (entries: NameEntry[]) => {
    const index = compileNameIndex(entries);
    findMatches(index, text); // warm up
    const runs = Array.from({ length: 7 }, () => {
      const start = performance.now();
      findMatches(index, text);
      return performance.now() - start;
    });
    return { ms: median(runs), matches: findMatches(index, text).length, names: index.size };
  };
  const real = time(realNames);
  const many = time([...realNames, ...synthetic]);
  return {
    textKiB: text.length / 1024,
    names: real.names,
    ms: real.ms,
    matches: real.matches,
    manyNames: many.names,
    manyMs: many.ms,
    ratio: many.ms / real.ms,
  };
}
