/**
 * The page's open shadow roots that a run has found (web components). The
 * scanner walks them; this module remembers them, gives each one our
 * highlight styles once it holds marks, and takes both away again. Closed
 * shadow roots are out of reach and stay so, and our own UI host
 * (`[data-medmark-ui]`) is never one of these.
 *
 * Why the styles: a document's style sheets, the manifest's included, do not
 * apply inside shadow trees. They go in as a constructable style sheet
 * (`adoptedStyleSheets`), which a page's `style-src` CSP does not block and
 * which adds no node to the component's tree; a <style> element is the
 * fallback where that throws.
 */
import highlightCss from './highlight.css?inline';
import { UI_HOST_ATTRIBUTE } from './exclusions';
import { removeHighlights } from './highlight';

export type ShadowRoots = {
  /** Remembers `root`; true the first time, when the caller should start watching it. */
  add(root: ShadowRoot): boolean;
  /** Gives `root` our highlight styles unless it has them (the component may have replaced its sheets since). */
  style(root: ShadowRoot): void;
  /** The roots found so far that are still in the page. */
  connected(): ShadowRoot[];
  /** Removes our marks and styles from every root still in the page. */
  destroy(): void;
};

export function createShadowRoots(doc: Document = document): ShadowRoots {
  const known = new WeakSet<ShadowRoot>();
  let roots: ShadowRoot[] = [];
  /** Roots count at the last pruning: components come and go, and we must not keep the gone ones alive. */
  let prunedAt = 16;
  let sheet: CSSStyleSheet | null | undefined;
  const fallbacks = new Map<ShadowRoot, HTMLStyleElement>();

  const ourSheet = (): CSSStyleSheet | null => {
    if (sheet === undefined) {
      try {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(highlightCss);
      } catch {
        sheet = null;
      }
    }
    return sheet;
  };

  const prune = () => {
    roots = roots.filter((root) => {
      if (root.isConnected) return true;
      known.delete(root); // found again if the page puts its host back
      return false;
    });
    prunedAt = Math.max(16, roots.length * 2);
  };

  return {
    add(root) {
      if (known.has(root) || root.host.hasAttribute(UI_HOST_ATTRIBUTE)) return false;
      known.add(root);
      roots.push(root);
      if (roots.length > prunedAt) prune();
      return true;
    },
    style(root) {
      const css = ourSheet();
      if (css) {
        try {
          if (!root.adoptedStyleSheets.includes(css)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, css];
          return;
        } catch {
          // Fall through to a <style> element.
        }
      }
      const existing = fallbacks.get(root);
      if (existing?.parentNode === root) return;
      const style = doc.createElement('style');
      style.textContent = highlightCss;
      root.append(style);
      fallbacks.set(root, style);
    },
    connected() {
      return roots.filter((root) => root.isConnected);
    },
    destroy() {
      for (const root of roots) {
        if (!root.isConnected) continue;
        removeHighlights(root);
        if (sheet && root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      }
      for (const style of fallbacks.values()) style.remove();
      fallbacks.clear();
      roots = [];
    },
  };
}

/**
 * The marks under `top` and in the known shadow roots inside it, in the order
 * a reader meets them: a component's marks come where its host is. (Node
 * order cannot be compared across shadow trees, so each tree is sorted on its
 * own and its hosts are expanded in place.)
 */
export function marksInOrder(top: Element, roots: readonly ShadowRoot[], selector: string): HTMLElement[] {
  if (roots.length === 0) return Array.from(top.querySelectorAll<HTMLElement>(selector));
  const hostsByTree = new Map<Node, Element[]>();
  const rootOf = new Map<Element, ShadowRoot>();
  for (const root of roots) {
    const tree = root.host.getRootNode();
    const hosts = hostsByTree.get(tree);
    if (hosts) hosts.push(root.host);
    else hostsByTree.set(tree, [root.host]);
    rootOf.set(root.host, root);
  }
  const collect = (scope: Element | ShadowRoot, tree: Node): HTMLElement[] => {
    const marks: Element[] = Array.from(scope.querySelectorAll<HTMLElement>(selector));
    const hosts = (hostsByTree.get(tree) ?? []).filter((host) => scope.contains(host));
    if (hosts.length === 0) return marks as HTMLElement[];
    const items = [...marks, ...hosts].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    return items.flatMap((item) => {
      const root = rootOf.get(item);
      return root ? collect(root, root) : [item as HTMLElement];
    });
  };
  return collect(top, top.getRootNode());
}
