/**
 * Feeds content added after load (infinite scroll, single-page apps) to the
 * scanner. One MutationObserver on the body, disconnected while we write so
 * our own marks never queue themselves again.
 *
 * Open shadow roots are watched too (`observe`), by a second observer that
 * stays connected: a page of web components can have hundreds of roots, and
 * re-observing each after every slice would cost per root. Instead the records
 * our own write produced are taken and dropped right after it. Nothing of the
 * page runs inside a synchronous write (observer callbacks and slotchange are
 * queued, and a <mark> runs no custom-element code), so every record taken at
 * that moment is ours.
 */
import { isInsideExcluded } from './exclusions';

export type MutationWatch = {
  /** Runs `write` with observation paused, then resumes. */
  withoutObserving(write: () => void): void;
  /** Watches an open shadow root as well (idempotent). */
  observe(root: ShadowRoot): void;
  destroy(): void;
};

const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export function watchMutations(root: Node, onAdded: (node: Node) => void): MutationWatch {
  const handle = (records: MutationRecord[]) => {
    for (const record of records) {
      if (record.type === 'characterData') {
        if (!isInsideExcluded(record.target)) onAdded(record.target);
        continue;
      }
      for (const node of Array.from(record.addedNodes)) {
        if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.TEXT_NODE) continue;
        if (!isInsideExcluded(node)) onAdded(node);
      }
    }
  };
  const observer = new MutationObserver(handle);
  observer.observe(root, OPTIONS);
  let shadowObserver: MutationObserver | undefined;
  return {
    withoutObserving(write) {
      // Deliver what the page did before our write, then pause.
      handle(observer.takeRecords());
      if (shadowObserver) handle(shadowObserver.takeRecords());
      observer.disconnect();
      try {
        write();
      } finally {
        shadowObserver?.takeRecords();
        observer.observe(root, OPTIONS);
      }
    },
    observe(shadow) {
      // Observing a node twice with the same observer replaces the first registration.
      (shadowObserver ??= new MutationObserver(handle)).observe(shadow, OPTIONS);
    },
    destroy() {
      observer.disconnect();
      shadowObserver?.disconnect();
    },
  };
}
