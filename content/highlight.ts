/**
 * Wraps matches in <mark> elements. mark.js does the DOM surgery; this module
 * is the only place that knows it, so it could be swapped out.
 *
 * We call mark.js's text-node wrapper (`wrapRangeInTextNode`: split, create
 * the element, replace) directly instead of its public `markRanges`. Every
 * `markRanges` call creates a NodeIterator that is never released, and
 * Chromium updates every live NodeIterator on every node removal, so marking
 * N matches cost O(N²): the benchmark's large page took 92 s for 78,000
 * marks. See docs/adr/0002-wrapping-with-mark-js.md. mark.js is pinned to
 * 8.11.1 (its last release) because this method is internal.
 */
// The ES source class: the dist build's facade hides the instance that has the wrapper.
import Mark from 'mark.js/src/lib/mark.js';
import type { Match } from '../drugs/match';
import { MARK_ATTRIBUTE } from './exclusions';

export const MARK_CLASS = 'medmark-highlight';

type MarkJsWrapper = {
  opt: { element?: string; className?: string };
  /** Wraps [start, end) of `node` in a new element; returns the text node after it. */
  wrapRangeInTextNode(node: Text, start: number, end: number): Text;
};

let wrapper: MarkJsWrapper | undefined;

function markJs(): MarkJsWrapper {
  if (!wrapper) {
    wrapper = new Mark(document.documentElement) as unknown as MarkJsWrapper;
    wrapper.opt = { element: 'mark', className: MARK_CLASS };
  }
  return wrapper;
}

/** On a highlight of a probable misspelling: the name it is close to ("Metformin"). */
export const GUESS_ATTRIBUTE = 'data-mm-guess';

/** What keeps focus and clicks for a highlight inside it, so the highlight itself is not focusable. */
const FOCUSABLE_HOLDER = 'a[href], button, [role="link"], [tabindex]';

/** What takes keyboard focus for `mark`: the highlight itself, or the link or button that holds it. */
export function focusTargetOf(mark: HTMLElement): HTMLElement | null {
  return mark.tabIndex >= 0 ? mark : mark.closest<HTMLElement>(FOCUSABLE_HOLDER);
}

function decorate(mark: HTMLElement, match: Match, parent: Element | null) {
  mark.setAttribute(MARK_ATTRIBUTE, '');
  mark.dataset.drug = match.drug;
  if (match.misspellingOf) mark.setAttribute(GUESS_ATTRIBUTE, match.misspellingOf);
  mark.removeAttribute('data-markjs');
  // Inside a link or button the host element keeps the focus and the click;
  // elsewhere the highlight itself is a keyboard-reachable button.
  if (!parent?.closest(FOCUSABLE_HOLDER)) {
    mark.tabIndex = 0;
    mark.setAttribute('role', 'button');
    mark.setAttribute('aria-haspopup', 'dialog');
  }
}

/**
 * Wraps `matches` (offsets into `node.data`, in order, not overlapping).
 * Returns the marks created. `parent` is the element the marks will sit in,
 * when `node` is in a detached copy that will take the place of a page node.
 */
export function wrapMatches(node: Text, matches: readonly Match[], parent: Element | null = node.parentElement): HTMLElement[] {
  const marks: HTMLElement[] = [];
  const wrap = markJs();
  // From the end backwards: `node` keeps the text before each match, so the
  // earlier offsets stay valid.
  for (let i = matches.length - 1; i >= 0; i--) {
    const match = matches[i];
    if (match.end > node.data.length) continue; // the page changed the text under us
    const after = wrap.wrapRangeInTextNode(node, match.start, match.end);
    const mark = after.previousSibling as HTMLElement;
    decorate(mark, match, parent);
    marks.push(mark);
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
