/**
 * Detection in plain text (the command-line tool, tests): the matcher, with
 * names that need a medical context kept only in paragraphs that read as
 * medical. Paragraphs are separated by blank lines, as in the pages' blocks.
 */
import { findMatches, type Match } from './match';
import { readsAsMedical } from './medical-context';
import type { NameIndex } from './name-index';

const PARAGRAPH_BREAK = /\n[ \t]*\n/g;

export function detectInText(index: NameIndex, text: string): Match[] {
  const matches = findMatches(index, text);
  if (!matches.some((m) => m.needsContext)) return matches;
  const breaks = [0, ...Array.from(text.matchAll(PARAGRAPH_BREAK), (m) => m.index + m[0].length), text.length];
  const verdicts = new Map<number, boolean>();
  return matches.filter((m) => {
    if (!m.needsContext) return true;
    let p = 0;
    while (breaks[p + 1] <= m.start) p++;
    let verdict = verdicts.get(p);
    if (verdict === undefined) {
      verdict = readsAsMedical(index, text.slice(breaks[p], breaks[p + 1]));
      verdicts.set(p, verdict);
    }
    return verdict;
  });
}
