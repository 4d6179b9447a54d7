/**
 * The page side of `drugs/medical-context.ts`: finds the passage a name
 * stands in (its nearest block: paragraph, list item, table cell, heading...)
 * and asks whether it reads as medical. Only names marked `context` come here,
 * so the cost is paid on the few pages that have them; a passage is judged
 * once (cached per element) and the title once per page.
 */
import { readsAsMedical, titleAllowsMedical } from '../drugs/medical-context';
import type { Match } from '../drugs/match';
import type { NameIndex } from '../drugs/name-index';

/** Elements that end a passage. Tag names, not computed styles: reading styles would force a style pass. */
const PASSAGE_TAGS = new Set([
  'P',
  'LI',
  'DD',
  'DT',
  'TD',
  'TH',
  'CAPTION',
  'BLOCKQUOTE',
  'FIGCAPTION',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'SUMMARY',
  'LEGEND',
  'PRE',
  'DIV',
  'SECTION',
  'ARTICLE',
  'ASIDE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'NAV',
  'FORM',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'BODY',
]);

/** A passage longer than this is judged on the text around the name, not all of it. */
export const MAX_PASSAGE = 3_000;
const AROUND = 600;

export type ContextCheck = (node: Text, match: Match) => boolean;

export function createContextCheck(index: NameIndex, title: () => string): ContextCheck {
  /** A passage's verdict, or 'long' for a passage judged near each name instead. */
  const verdicts = new WeakMap<Element, boolean | 'long'>();
  let titleVerdict: boolean | undefined;
  const around = (node: Text, match: Match) =>
    readsAsMedical(index, node.data.slice(Math.max(0, match.start - AROUND), match.end + AROUND));
  return (node, match) => {
    titleVerdict ??= titleAllowsMedical(title());
    if (!titleVerdict) return false;
    let passage: Element | null = node.parentElement;
    while (passage && !PASSAGE_TAGS.has(passage.tagName)) passage = passage.parentElement;
    if (!passage) return around(node, match);
    let verdict = verdicts.get(passage);
    if (verdict === undefined) {
      // Read once per passage: a page with all its text in one block (a 1 MB
      // node) must not have that text copied for every name in it.
      const text = passage.textContent ?? '';
      verdict = text.length > MAX_PASSAGE ? 'long' : readsAsMedical(index, text);
      verdicts.set(passage, verdict);
    }
    return verdict === 'long' ? around(node, match) : verdict;
  };
}
