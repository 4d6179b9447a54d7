import names from 'virtual:medmark/names';
import '../content/highlight.css';
import { startMedmark } from '../content/start-medmark';
import type { NameEntry } from '../drugs/name-index';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // highlight.css styles the marks in the page, so it goes through the manifest;
  // the popover's styles live in its shadow root (content/ui-root.ts).
  cssInjectionMode: 'manifest',
  main(ctx) {
    // Start in a task of its own: evaluating this script is one task, building
    // the name index and starting the scan another, so neither is long.
    let stop: (() => void) | undefined;
    const timer = setTimeout(() => {
      if (!ctx.isInvalid) stop = startMedmark(JSON.parse(names) as NameEntry[]);
    }, 0);
    ctx.onInvalidated(() => {
      clearTimeout(timer);
      stop?.();
    });
  },
});
