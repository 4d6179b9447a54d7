import names from 'virtual:medmark/names';
import '../content/highlight.css';
import { startMedmark } from '../content/start-medmark';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // highlight.css styles the marks in the page, so it goes through the manifest;
  // the popover's styles live in its shadow root (content/ui-root.ts).
  cssInjectionMode: 'manifest',
  main(ctx) {
    const stop = startMedmark(names);
    ctx.onInvalidated(stop);
  },
});
