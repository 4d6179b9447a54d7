import { browser } from 'wxt/browser';
import '../content/highlight.css';
import { loadEngine } from '../content/engine-loader';
import type { MedmarkPage } from '../content/medmark-page';
import { whenReadable } from '../content/text-watch';
import { isTabRequest, type PageState } from '../messaging/tab-protocol';

/** False once the extension is reloaded, updated or removed: the page cannot fake this. */
const extensionAlive = () => browser.runtime?.id != null;

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // Every frame is a page of its own (its highlights, its UI, its drug list):
  // same- and cross-origin iframes, and about:blank / srcdoc frames, which
  // take their parent's origin.
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: { chrome: true },
  // highlight.css styles the marks in the page, so it goes through the manifest;
  // the popover's styles live in its shadow root (content/ui-root.ts).
  cssInjectionMode: 'manifest',
  main(ctx) {
    // A bootstrap: the engine (names, matcher, scanner, about 100 kB) is
    // loaded only once the page has something to read, so a frame or page
    // with no text pays for this file alone (issue 11, docs/adr/0010). The
    // engine builds its name index a slice at a time inside the scanner's
    // slices, in tasks of its own.
    let stopped = false;
    let page: Promise<MedmarkPage | undefined> | undefined;
    const start = () =>
      (page ??= loadEngine().then(
        (engine) => (stopped || !extensionAlive() ? undefined : engine.startMedmarkPage()),
        () => {
          // Not loaded (the extension went away meanwhile): the next question tries again.
          page = undefined;
          return undefined;
        },
      ));
    const stopWatching = whenReadable(document, () => void start());
    // The toolbar popup asks what is on this page, or to jump to a mention:
    // the engine answers, loaded for the question if the page had nothing to read yet.
    const onMessage = (message: unknown) => {
      if (!isTabRequest(message)) return undefined;
      return start().then((started): ReturnType<MedmarkPage['answer']> | PageState =>
        started ? started.answer(message) : { status: 'on', host: location.hostname, drugs: [] },
      );
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      // WXT also invalidates the context when a "newer copy of this script
      // started" event arrives on the document, and any page can read that
      // event's name from the message WXT posts and replay it. Only a real
      // invalidation, where the extension itself is gone (reloaded, updated,
      // removed), stops Medmark; a forged one is ignored.
      if (extensionAlive()) return;
      stopped = true;
      stopWatching();
      browser.runtime.onMessage.removeListener(onMessage);
      void page?.then((started) => started?.destroy());
    });
  },
});
