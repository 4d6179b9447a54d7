/**
 * Tells when the page replaces its <body>: Turbo and other "HTML over the
 * wire" navigation does `document.body = next`, `html.replaceChild(next, body)`
 * or `body.replaceWith(next)`. Scanning and the mutation watcher hang off the
 * body, so without this a page that swaps it would never be highlighted
 * again. Only <html>'s own children are observed, not its subtree: a few
 * records per navigation, whatever the page does inside the body.
 */
export type BodyWatch = { destroy(): void };

export function watchBody(doc: Document, onSwap: (body: HTMLElement | null) => void): BodyWatch {
  let body = doc.body;
  let html = doc.documentElement;
  const observer = new MutationObserver(() => {
    if (doc.documentElement !== html) {
      // The whole <html> was replaced (rare): follow the new one.
      html = doc.documentElement;
      if (html) observer.observe(html, { childList: true });
    }
    if (doc.body === body) return;
    body = doc.body;
    onSwap(body);
  });
  observer.observe(doc, { childList: true });
  if (html) observer.observe(html, { childList: true });
  return { destroy: () => observer.disconnect() };
}
