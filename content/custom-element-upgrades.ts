/**
 * Tells when a custom element we passed while it was still undefined gets
 * defined. Defining a name (a lazily loaded component) upgrades every element
 * of that name in place: the constructor may attach a shadow root and render
 * text into it, and none of that is a mutation any observer of ours can see.
 *
 * The page's `customElements.whenDefined(name)` would tell us, but content
 * scripts run in an isolated world where `customElements` is null
 * (Chromium), and we cannot patch the page's `define` or `attachShadow`
 * either. So we poll, with a backoff, one sample element per tag name (an
 * upgrade is per name, so one sample answers for all): a few property reads
 * every few seconds, and nothing once every name seen is defined.
 *
 * `attachShadow` called late on an element that is already defined (or built
 * in) changes nothing observable either; our page-world signal tells of it
 * (`shadow-attach-signal.ts`, Chromium).
 */

/** First look soon after a name is seen: components are often defined just after the page loads. */
export const UPGRADE_FIRST_CHECK_MS = 250;
/** Then back off to this, so a name that is never defined costs next to nothing. */
export const UPGRADE_MAX_CHECK_MS = 4_000;

export type UpgradeWatch = {
  /** Remembers an element that was not defined when the scanner passed it. */
  add(element: Element): void;
  destroy(): void;
};

export type UpgradeWatchOptions = {
  /** Called once per name when it becomes defined. */
  onDefined: (name: string) => void;
  /** Another element named `name` in the page, when the sample has left it. */
  find: (name: string) => Element | undefined;
  isDefined?: (element: Element) => boolean;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
};

export function watchUpgrades(options: UpgradeWatchOptions): UpgradeWatch {
  const isDefined = options.isDefined ?? ((element: Element) => element.matches(':defined'));
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  /** Tag name -> one element of that name, not defined when last looked at. */
  const pending = new Map<string, Element>();
  let timer: unknown;
  let delay = UPGRADE_FIRST_CHECK_MS;

  const arm = (ms: number) => {
    if (timer !== undefined) clearTimer(timer);
    timer = setTimer(check, ms);
  };

  function check() {
    timer = undefined;
    for (const [name, sample] of pending) {
      const element = sample.isConnected ? sample : options.find(name);
      if (!element) {
        pending.delete(name);
      } else if (isDefined(element)) {
        pending.delete(name);
        options.onDefined(name);
      } else {
        pending.set(name, element);
      }
    }
    if (pending.size === 0) return;
    delay = Math.min(delay * 2, UPGRADE_MAX_CHECK_MS);
    arm(delay);
  }

  return {
    add(element) {
      const name = element.localName;
      const known = pending.has(name);
      pending.set(name, element);
      if (known && timer !== undefined) return;
      // A new name: look again soon.
      delay = UPGRADE_FIRST_CHECK_MS;
      arm(delay);
    },
    destroy() {
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      pending.clear();
    },
  };
}
