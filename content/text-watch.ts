/**
 * Tells the content script when a document first has something to read: a
 * text in its body, or an element that may hold text in a shadow tree. Until
 * then the engine (the names, the matcher, the scanner: about 100 kB) is not
 * loaded, so a frame with nothing to read (an ad slot, a tracking pixel's
 * about:blank, an empty page) costs the bootstrap only (issue 11, docs/adr/0010).
 * In doubt it says yes: loading the engine for nothing costs a few tens of
 * milliseconds once, missing a page's text would cost its highlights.
 */

import { SHADOW_ATTACHED_EVENT } from './shadow-attach-signal';

/** Never shown as text. (The engine has the full list of what it skips; this only has to be safe.) */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
/** No drug name is shorter. */
const MIN_TEXT = 2;

const isReadable = (text: string) => text.length >= MIN_TEXT && /\S\S/.test(text);

/** Whether `root` (an element or text node) holds something the engine should look at. */
export function hasSomethingToRead(root: Node): boolean {
  if (root.nodeType === Node.TEXT_NODE) return isReadable((root as Text).data) && !NOT_TEXT.has(root.parentElement?.tagName ?? '');
  if (root.nodeType !== Node.ELEMENT_NODE) return false;
  const mayHoldText = (element: Element) => element.shadowRoot !== null || element.localName.includes('-');
  if (mayHoldText(root as Element)) return true;
  const doc = root.ownerDocument ?? document;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (NOT_TEXT.has((node as Element).tagName)) return NodeFilter.FILTER_REJECT;
        return mayHoldText(node as Element) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      }
      return isReadable((node as Text).data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  return walker.nextNode() !== null;
}

/**
 * Calls `onReadable` once, as soon as the document's body has something to
 * read: at once if it has now, else when the page adds it. Returns a stop
 * function.
 */
export function whenReadable(doc: Document, onReadable: () => void): () => void {
  if (doc.body && hasSomethingToRead(doc.body)) {
    onReadable();
    return () => {};
  }
  const inBody = (node: Node) => doc.body !== null && doc.body.contains(node);
  const stop = () => {
    observer.disconnect();
    doc.removeEventListener(SHADOW_ATTACHED_EVENT, found, true);
  };
  const found = () => {
    stop();
    onReadable();
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const nodes = record.type === 'characterData' ? [record.target] : Array.from(record.addedNodes);
      if (nodes.some((node) => inBody(node) && hasSomethingToRead(node))) return found();
    }
  });
  // The document, not the body: the body may not exist yet, or be replaced.
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  // A shadow root attached to an element already in the page makes no
  // mutation; our page-world signal tells (content/shadow-attach-signal.ts).
  doc.addEventListener(SHADOW_ATTACHED_EVENT, found, true);
  return stop;
}
