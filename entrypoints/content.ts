import names from 'virtual:medmark/names';
import { browser } from 'wxt/browser';
import '../content/highlight.css';
import { createBackgroundClient } from '../content/background-client';
import { loadDrugView } from '../content/drug-view-loader';
import { createMedmarkController, type MedmarkController } from '../content/medmark-controller';
import { decodeNames, type ShippedNames } from '../drugs/name-encoding';
import { createNameIndexBuilder } from '../drugs/name-index';
import { isTabRequest } from '../messaging/tab-protocol';
import { loadSettings, watchMedicationsChanged, watchSettings } from '../settings/storage-items';

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
    // Start in a task of its own, and build the name index only when the
    // scanner has text to match, a slice at a time inside its slices: run
    // cold, compiling every name at once was a long task on every page, and
    // a page with no text never needs the index at all (issue 11).
    let controller: MedmarkController | undefined;
    const timer = setTimeout(() => {
      if (!extensionAlive()) return;
      const builder = createNameIndexBuilder(() => {
        const shipped = JSON.parse(names) as ShippedNames;
        return { entries: decodeNames(shipped.names), misspellingExclusions: shipped.notMisspellings };
      });
      controller = createMedmarkController({
        index: builder.index,
        prepareIndex: builder.step,
        host: location.hostname,
        client: createBackgroundClient(),
        loadSettings,
        watchSettings,
        watchMedications: watchMedicationsChanged,
        loadView: loadDrugView,
      });
    }, 0);
    // The toolbar popup asks what is on this page, or to jump to a mention.
    const onMessage = (message: unknown) => {
      if (!isTabRequest(message)) return undefined;
      if (!controller) return Promise.resolve({ status: 'on', host: location.hostname, drugs: [] });
      return controller.ready.then(() => controller!.handleTabRequest(message));
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      // WXT also invalidates the context when a "newer copy of this script
      // started" event arrives on the document, and any page can read that
      // event's name from the message WXT posts and replay it. Only a real
      // invalidation, where the extension itself is gone (reloaded, updated,
      // removed), stops Medmark; a forged one is ignored.
      if (extensionAlive()) return;
      clearTimeout(timer);
      browser.runtime.onMessage.removeListener(onMessage);
      controller?.destroy();
    });
  },
});
