/**
 * Tells our content script when the page attaches a shadow root to an
 * element it already has: `attachShadow` called late on a defined or
 * built-in element changes nothing any observer can see, so without this its
 * text would never be scanned.
 *
 * Runs in the page's own world (the isolated world cannot see the page's
 * prototypes), before any page script. `attachShadow` is wrapped in a Proxy,
 * so it stays the same function to the page (its name, length and
 * `toString()` are the native one's), and it does exactly what it did; after
 * an open root is attached, one event is dispatched at the host. The event
 * carries nothing, and a page that fakes it only asks us to look at an element
 * again: the isolated side checks the element's open root itself.
 */
export const SHADOW_ATTACHED_EVENT = 'medmark-shadow-attached';

export function installShadowAttachSignal(win: Window & typeof globalThis): void {
  const proto = win.Element.prototype;
  const original = proto.attachShadow;
  if (typeof original !== 'function') return;
  const wrapped = new Proxy(original, {
    apply(target, host: Element, args: [ShadowRootInit]) {
      const root = Reflect.apply(target, host, args) as ShadowRoot;
      // Open roots only: a closed one stays out of reach, by design.
      if (host.shadowRoot === root) {
        try {
          host.dispatchEvent(new win.Event(SHADOW_ATTACHED_EVENT, { composed: true }));
        } catch {
          // Never let our signal break the page's call.
        }
      }
      return root;
    },
  });
  Object.defineProperty(proto, 'attachShadow', { ...Object.getOwnPropertyDescriptor(proto, 'attachShadow'), value: wrapped });
}
