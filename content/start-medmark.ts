/**
 * Wires the content script: compile the names, scan the page in slices,
 * watch for new content, and attach the highlight UI. Returns a teardown
 * that leaves the page as it was.
 */
import { compileNameIndex, type NameEntry } from '../drugs/name-index';
import { createBackgroundClient } from './background-client';
import { createDrugUi } from './drug-ui';
import { removeHighlights } from './highlight';
import { watchMutations } from './mutation-watch';
import { createPageScanner } from './page-scanner';
import { createUiRoot } from './ui-root';

export function startMedmark(names: NameEntry[], doc: Document = document): () => void {
  const body = doc.body;
  if (!body) return () => {};
  const index = compileNameIndex(names);
  const pageDrugs = new Map<string, number>();

  let watch: ReturnType<typeof watchMutations> | undefined;
  const scanner = createPageScanner({
    index,
    withoutObserving: (write) => (watch ? watch.withoutObserving(write) : write()),
    onMarks: (marks) => {
      for (const mark of marks) {
        const id = mark.dataset.drug!;
        pageDrugs.set(id, (pageDrugs.get(id) ?? 0) + 1);
      }
    },
  });
  watch = watchMutations(body, (node) => scanner.scan(node));
  scanner.scan(body);

  const drugUi = createDrugUi({
    createUi: () => createUiRoot(doc),
    client: createBackgroundClient(),
    pageDrugIds: () => [...pageDrugs.keys()],
  });

  return () => {
    scanner.destroy();
    watch?.destroy();
    drugUi.destroy();
    removeHighlights(body);
  };
}
