/**
 * Feeds content added after load (infinite scroll, single-page apps) to the
 * scanner. One MutationObserver; our own writes are made with the observer
 * disconnected so our marks never queue themselves again.
 */
import { isInsideExcluded } from './exclusions';

export type MutationWatch = {
  /** Runs `write` with observation paused, then resumes. */
  withoutObserving(write: () => void): void;
  destroy(): void;
};

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
  const options: MutationObserverInit = { childList: true, subtree: true, characterData: true };
  observer.observe(root, options);
  return {
    withoutObserving(write) {
      // Deliver what the page did before our write, then pause.
      handle(observer.takeRecords());
      observer.disconnect();
      try {
        write();
      } finally {
        observer.observe(root, options);
      }
    },
    destroy() {
      observer.disconnect();
    },
  };
}
