/**
 * Where the next/previous-highlight shortcut goes (issue 12): from the
 * highlight that has focus (or the link that holds it), else from the one the
 * last step went to, else from what is in view; wrapping round at either end.
 */
import { focusTargetOf } from './highlight';

/** The focused element, looking inside open shadow roots (a highlight in a component). */
export function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Index into `marks` (in reading order) of the highlight to go to; -1 when there are none. */
export function stepTarget(
  marks: readonly HTMLElement[],
  active: Element | null,
  lastStepped: HTMLElement | undefined,
  direction: 'next' | 'previous',
  viewportHeight: number,
): number {
  const n = marks.length;
  if (n === 0) return -1;
  // A highlight inside a link is not focusable; the link holding it is.
  let from = active ? marks.findIndex((mark) => focusTargetOf(mark) === active) : -1;
  if (from < 0 && lastStepped?.isConnected) from = marks.indexOf(lastStepped);
  if (from >= 0) return (from + (direction === 'next' ? 1 : -1) + n) % n;
  // Nothing to start from: the first highlight in view going forward, the last in view going back.
  if (direction === 'next') {
    const inView = marks.findIndex((mark) => mark.getBoundingClientRect().bottom > 0);
    return inView >= 0 ? inView : 0;
  }
  for (let i = n - 1; i >= 0; i--) if (marks[i].getBoundingClientRect().top < viewportHeight) return i;
  return n - 1;
}
