/**
 * The single shadow root that holds Medmark's in-page UI. Styles go in as a
 * constructable stylesheet where the browser allows it (not subject to the
 * page's style-src CSP), else as a <style> inside the shadow root. Either way
 * the page's CSS cannot reach in and ours cannot leak out.
 */
import uiCss from '../components/in-page.css?inline';
import { UI_HOST_ATTRIBUTE } from './exclusions';

export type UiRoot = {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** A fixed, zero-size layer that the floating panels position themselves in. */
  layer: HTMLElement;
  destroy(): void;
};

/**
 * A custom-element name the page cannot know in advance: a page that defined
 * `medmark-ui` itself would otherwise get its own class run on our host (its
 * own shadow root, its own styles) and break the preview and popover.
 */
function randomHostTag(): string {
  const letters = Array.from(crypto.getRandomValues(new Uint8Array(10)), (n) => String.fromCharCode(97 + (n % 26))).join('');
  return `medmark-ui-${letters}`;
}

/** Inline and important: beats any page rule, however specific, aimed at the host. */
const HOST_STYLE = [
  'all: initial',
  'position: fixed',
  'top: 0',
  'left: 0',
  'width: 0',
  'height: 0',
  'display: block',
  'visibility: visible',
  'opacity: 1',
  'z-index: 2147483647',
]
  .map((d) => `${d} !important`)
  .join('; ');

export function createUiRoot(doc: Document = document): UiRoot {
  const host = doc.createElement(randomHostTag());
  host.setAttribute(UI_HOST_ATTRIBUTE, '');
  // Keep the host out of layout and away from page styles on the host itself.
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'open' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(uiCss);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = uiCss;
    shadow.append(style);
  }
  const layer = doc.createElement('div');
  layer.className = 'mm-layer';
  shadow.append(layer);
  (doc.body ?? doc.documentElement).append(host);
  return {
    host,
    shadow,
    layer,
    destroy() {
      host.remove();
    },
  };
}
