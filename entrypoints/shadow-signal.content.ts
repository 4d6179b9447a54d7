import { installShadowAttachSignal } from '../content/shadow-attach-signal';

/**
 * The only code of ours in the page's own world: it wraps `attachShadow` so
 * the content script learns of shadow roots attached late (see
 * content/shadow-attach-signal.ts). Chromium only: Firefox builds are MV2,
 * where content scripts cannot declare a world; there the gap stays
 * (README, "Robustness").
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  world: 'MAIN',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  include: ['chrome'],
  main() {
    installShadowAttachSignal(window);
  },
});
