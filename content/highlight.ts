/**
 * Wraps matches in <mark> elements. mark.js does the DOM surgery; this module
 * is the only place that knows it, so it could be swapped out.
 *
 * Each match is first split into its own text node (working from the end of
 * the node backwards), and mark.js is handed one small node per match. mark.js
 * rebuilds its concatenated text for every range it wraps, so giving it a
 * whole long node with many matches would be quadratic.
 */
import Mark from 'mark.js';
import type { Match } from '../drugs/match';
import { MARK_ATTRIBUTE } from './exclusions';

export const MARK_CLASS = 'medmark-highlight';

type DrugRange = { start: number; length: number; drug: string };

function decorate(mark: HTMLElement, drug: string) {
  mark.setAttribute(MARK_ATTRIBUTE, '');
  mark.dataset.drug = drug;
  mark.removeAttribute('data-markjs');
  // Inside a link or button the host element keeps the focus and the click;
  // elsewhere the highlight itself is a keyboard-reachable button.
  if (!mark.parentElement?.closest('a[href], button, [role="link"], [tabindex]')) {
    mark.tabIndex = 0;
    mark.setAttribute('role', 'button');
    mark.setAttribute('aria-haspopup', 'dialog');
  }
}

/** Wraps `matches` (offsets into `node.data`, in order, not overlapping). Returns the marks created. */
export function wrapMatches(node: Text, matches: readonly Match[]): HTMLElement[] {
  const marks: HTMLElement[] = [];
  for (let i = matches.length - 1; i >= 0; i--) {
    const match = matches[i];
    if (match.end > node.data.length) continue; // the page changed the text under us
    const piece = match.start > 0 ? node.splitText(match.start) : node;
    const range: DrugRange = { start: 0, length: match.end - match.start, drug: match.drug };
    // mark.js accepts a text node as its context (it walks it with a NodeIterator); its types say HTMLElement.
    new Mark(piece as unknown as HTMLElement).markRanges([range], {
      className: MARK_CLASS,
      each: (element: Element) => {
        decorate(element as HTMLElement, match.drug);
        marks.push(element as HTMLElement);
      },
    });
  }
  return marks.reverse();
}

/** Removes every mark under `root`, restoring the original text nodes. */
export function removeHighlights(root: ParentNode): void {
  for (const mark of Array.from(root.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`))) {
    const parent = mark.parentNode;
    if (!parent) continue;
    parent.replaceChild(document.createTextNode(mark.textContent ?? ''), mark);
    parent.normalize();
  }
}
