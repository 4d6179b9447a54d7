/**
 * The behaviour around highlights: hover or focus shows a preview after a
 * short delay; click, Enter or Space opens the popover; Esc, an outside click
 * or scrolling the highlight away closes it, and focus goes back to the
 * highlight. One set of delegated listeners on the document serves every
 * highlight (never one listener per mark).
 *
 * The drawing (`DrugView`: Preact, the components, Floating UI) is loaded on
 * the first hover, focus or click on a highlight, so a page load does not
 * compile it (issue 11). Until it is there, what the reader asked for waits:
 * the preview still needs its hover delay, and a click opens the popover as
 * soon as the view arrives unless the reader has moved on meanwhile.
 */
import type { DrugDetails, DrugPreview } from '../messaging/protocol';
import type { BackgroundClient } from './background-client';
import type { DrugView } from './drug-view';
import { MARK_ATTRIBUTE } from './exclusions';
import { GUESS_ATTRIBUTE } from './highlight';
import type { UiRoot } from './ui-root';

/** Hover intent: a pointer passing over a word should not flash a card. */
export const HOVER_OPEN_DELAY_MS = 350;
/** Grace period to move the pointer from the highlight into the preview. */
export const HOVER_CLOSE_DELAY_MS = 250;
/** Keyboard focus is deliberate; show the preview almost at once. */
export const FOCUS_OPEN_DELAY_MS = 100;

const HEADING_ID = 'medmark-popover-title';

export type DrugUiOptions = {
  /** Loads the drawing part of the UI; called once, on the first hover, focus or click on a highlight. */
  loadView: () => Promise<DrugView>;
  /** The document the UI's host goes into (created on first use, so a page nobody hovers is never touched). */
  doc: Document;
  client: BackgroundClient;
  /** Ids of the drugs highlighted on the page so far. */
  pageDrugIds: () => string[];
  /** The reader's hover delay (settings); defaults to `HOVER_OPEN_DELAY_MS`. */
  hoverDelayMs?: () => number;
  /** Saves a drug to the reader's medicines (the popover's "Add to My medications"). */
  addMedication?: (id: string) => Promise<unknown>;
};

export type DrugUi = {
  /** Opens the popover on `mark` without moving focus (the toolbar popup's "jump to mention"). */
  open(mark: HTMLElement): void;
  /** Says `message` through a polite live region (the keyboard shortcuts' "which medicine"). */
  announce(message: string): void;
  destroy(): void;
};

/**
 * The highlight an event came from. Events from inside a component's shadow
 * root reach the document retargeted to its host, so look along the composed
 * path (which includes the nodes of open shadow roots) rather than at the target.
 */
function markFrom(event: Event): HTMLElement | null {
  for (const node of event.composedPath()) {
    if (node instanceof HTMLElement && node.localName === 'mark' && node.hasAttribute(MARK_ATTRIBUTE)) return node;
    if (node === document) break;
  }
  return null;
}

function createPanel(ui: UiRoot, className: string): HTMLElement {
  const panel = document.createElement('div');
  panel.className = `mm-floating ${className}`;
  panel.hidden = true;
  ui.layer.append(panel);
  return panel;
}

/** What a highlight of a probable misspelling says about itself (`highlight.ts`). */
function guessOf(mark: HTMLElement): { written: string; name: string } | undefined {
  const name = mark.getAttribute(GUESS_ATTRIBUTE);
  return name ? { written: mark.textContent ?? '', name } : undefined;
}

type Panels = { ui: UiRoot; preview: HTMLElement; popover: HTMLElement; status: HTMLElement };

/**
 * A live region's change is read only if the region was in the page before
 * it; a region made for the first announcement gets its text a moment later.
 */
const ANNOUNCE_DELAY_MS = 100;

function createPanels(ui: UiRoot): Panels {
  const preview = createPanel(ui, 'mm-preview-box');
  preview.setAttribute('role', 'group');
  preview.setAttribute('aria-label', 'Medmark preview');
  const popover = createPanel(ui, 'mm-popover');
  popover.setAttribute('role', 'dialog');
  popover.setAttribute('aria-modal', 'false');
  popover.setAttribute('aria-labelledby', HEADING_ID);
  popover.tabIndex = -1;
  const status = ui.layer.ownerDocument.createElement('div');
  status.className = 'mm-visually-hidden';
  status.setAttribute('role', 'status');
  ui.layer.append(status);
  return { ui, preview, popover, status };
}

export function createDrugUi({ loadView, doc, client, pageDrugIds, hoverDelayMs, addMedication }: DrugUiOptions): DrugUi {
  const hoverDelay = () => hoverDelayMs?.() ?? HOVER_OPEN_DELAY_MS;
  let destroyed = false;
  let view: DrugView | undefined;
  let viewLoading: Promise<DrugView | undefined> | undefined;
  /**
   * Starts loading the view (once at a time). Resolves undefined if it could
   * not be loaded: the highlights stay, without cards, and the next hover or
   * click tries again.
   */
  const requestView = () =>
    (viewLoading ??= loadView().then(
      (loaded) => (view = loaded),
      () => (viewLoading = undefined),
    ));
  /** Runs `then` with the view now if it is loaded, else once it is (unless destroyed by then). */
  const withView = (then: (view: DrugView) => void) => {
    if (view) return then(view);
    void requestView().then((loaded) => {
      if (loaded && !destroyed) then(loaded);
    });
  };
  let panels: Panels | undefined;
  const ensurePanels = (v: DrugView): Panels => (panels ??= createPanels(v.createUiRoot(doc)));

  let previewAnchor: HTMLElement | null = null;
  let popoverAnchor: HTMLElement | null = null;
  let stopPreviewPlacement: (() => void) | undefined;
  let stopPopoverPlacement: (() => void) | undefined;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Incremented on every open, so a late answer for an older request is dropped. */
  let token = 0;

  const clearTimers = () => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
  };

  // ---- preview -------------------------------------------------------------
  const renderPreview = (v: DrugView, mark: HTMLElement, preview?: DrugPreview) =>
    v.renderPreview(ensurePanels(v).preview, {
      preview,
      inLink: mark.closest('a[href]') !== null,
      guess: guessOf(mark),
      onOpenDetails: () => openPopover(mark, true),
    });

  /** The highlight whose preview is due once the view has loaded. */
  let previewWanted: HTMLElement | null = null;

  const showPreview = (mark: HTMLElement) => {
    if (!view) {
      previewWanted = mark;
      withView(() => {
        if (previewWanted === mark) showPreview(mark);
      });
      return;
    }
    previewWanted = null;
    const v = view;
    if (popoverAnchor === mark) return;
    hidePreview();
    previewAnchor = mark;
    const mine = ++token;
    renderPreview(v, mark);
    const { preview: previewPanel } = ensurePanels(v);
    previewPanel.hidden = false;
    stopPreviewPlacement = v.keepPlaced(mark, previewPanel, hidePreview);
    client
      .preview(mark.dataset.drug ?? '')
      .then((preview) => {
        if (mine !== token || previewAnchor !== mark) return;
        if (preview) {
          renderPreview(v, mark, preview);
          // The preview is the highlight's description for screen readers. The
          // card lives in our shadow root, which aria-describedby cannot reach.
          mark.setAttribute('aria-description', `${preview.drugClass}. ${preview.summary}`);
        } else hidePreview();
      })
      .catch(() => hidePreview());
  };

  function hidePreview() {
    previewWanted = null;
    stopPreviewPlacement?.();
    stopPreviewPlacement = undefined;
    previewAnchor = null;
    if (!panels || !view) return;
    panels.preview.hidden = true;
    view.renderPreview(panels.preview, null);
  }

  // ---- popover -------------------------------------------------------------
  const renderPopover = (details: DrugDetails | null | undefined) => {
    if (!view) return;
    view.renderPopover(ensurePanels(view).popover, {
      details,
      headingId: HEADING_ID,
      onClose: () => closePopover(true),
      onOpenDrug: showInPopover,
      onAddToMyMedications:
        details && addMedication
          ? () => {
              void addMedication(details.drug.id).then(() => showInPopover(details.drug.id));
            }
          : undefined,
    });
  };

  /** Loads a record into the open popover (the highlight stays its anchor). */
  function showInPopover(id: string) {
    const anchor = popoverAnchor;
    if (!anchor) return;
    const mine = ++token;
    renderPopover(undefined);
    const others = pageDrugIds().filter((other) => other !== id);
    client
      .details(id, others)
      .then((details) => {
        if (mine === token && popoverAnchor === anchor) renderPopover(details);
      })
      .catch(() => {
        if (mine === token && popoverAnchor === anchor) renderPopover(null);
      });
  }

  /** The highlight whose popover is due once the view has loaded (Esc, a click elsewhere or another highlight cancels it). */
  let popoverWanted: HTMLElement | null = null;

  function openPopover(mark: HTMLElement, moveFocus: boolean) {
    clearTimers();
    hidePreview();
    if (!view) {
      popoverWanted = mark;
      withView(() => {
        if (popoverWanted === mark) openPopover(mark, moveFocus);
      });
      return;
    }
    popoverWanted = null;
    if (popoverAnchor && popoverAnchor !== mark) closePopover(false);
    popoverAnchor = mark;
    mark.setAttribute('aria-expanded', 'true');
    const { popover: popoverPanel } = ensurePanels(view);
    popoverPanel.hidden = false;
    stopPopoverPlacement ??= view.keepPlaced(mark, popoverPanel, () => closePopover(false));
    if (moveFocus) popoverPanel.focus({ preventScroll: true });
    showInPopover(mark.dataset.drug ?? '');
  }

  function closePopover(returnFocus: boolean) {
    popoverWanted = null;
    const anchor = popoverAnchor;
    if (!anchor) return;
    stopPopoverPlacement?.();
    stopPopoverPlacement = undefined;
    popoverAnchor = null;
    token++;
    anchor.removeAttribute('aria-expanded');
    if (panels && view) {
      panels.popover.hidden = true;
      view.renderPopover(panels.popover, null);
    }
    if (returnFocus && anchor.isConnected) {
      // A highlight inside a link is not focusable itself; the link is.
      const focusable = anchor.tabIndex >= 0 ? anchor : (anchor.closest('a[href], button, [tabindex]') as HTMLElement | null);
      focusable?.focus({ preventScroll: true });
    }
  }

  // ---- delegated listeners -------------------------------------------------
  const isOurs = (target: EventTarget | null) => panels !== undefined && target === panels.ui.host;

  const onPointerOver = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return;
    const mark = markFrom(event);
    if (mark) {
      // Load the drawing during the hover delay, not after it.
      void requestView();
      clearTimeout(closeTimer);
      if (mark !== previewAnchor && mark !== popoverAnchor) {
        clearTimeout(openTimer);
        openTimer = setTimeout(() => showPreview(mark), hoverDelay());
      }
    } else if (isOurs(event.target)) {
      clearTimeout(closeTimer);
    }
  };

  const onPointerOut = (event: PointerEvent) => {
    const from = markFrom(event) ?? (isOurs(event.target) ? panels!.ui.host : null);
    if (!from) return;
    const to = event.relatedTarget;
    if (to instanceof Node && (from.contains(to) || isOurs(to) || (previewAnchor?.contains(to) ?? false))) return;
    clearTimeout(openTimer);
    if (previewAnchor) {
      clearTimeout(closeTimer);
      closeTimer = setTimeout(hidePreview, HOVER_CLOSE_DELAY_MS);
    }
  };

  const onFocusIn = (event: FocusEvent) => {
    const mark = markFrom(event);
    if (!mark || mark === popoverAnchor) return;
    void requestView();
    clearTimers();
    openTimer = setTimeout(() => showPreview(mark), FOCUS_OPEN_DELAY_MS);
  };

  const onFocusOut = (event: FocusEvent) => {
    const mark = markFrom(event);
    if (mark && !isOurs(event.relatedTarget)) {
      clearTimeout(openTimer);
      if (previewAnchor === mark) hidePreview();
    }
    // Focus leaving an open popover for somewhere else on the page closes it.
    if (isOurs(event.target) && popoverAnchor && event.relatedTarget instanceof Node) {
      if (!isOurs(event.relatedTarget) && event.relatedTarget !== popoverAnchor) closePopover(false);
    }
  };

  const onClick = (event: MouseEvent) => {
    const mark = markFrom(event);
    if (!mark || event.button !== 0) return;
    if (mark.closest('a[href]') && !event.altKey) return; // the link keeps its click
    if (mark.closest('a[href]')) event.preventDefault(); // Alt+click: the reader chose our action
    openPopover(mark, event.detail === 0);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      popoverWanted = null;
      if (popoverAnchor) {
        event.stopPropagation();
        closePopover(true);
      } else if (previewAnchor) {
        clearTimers();
        hidePreview();
      }
      return;
    }
    const mark = markFrom(event);
    if (mark && mark.tabIndex >= 0 && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      openPopover(mark, true);
    }
  };

  const onPointerDown = (event: PointerEvent) => {
    if (popoverWanted && markFrom(event) !== popoverWanted) popoverWanted = null;
    if (!popoverAnchor || isOurs(event.target)) return;
    if (markFrom(event) === popoverAnchor) return;
    closePopover(false);
  };

  const listeners: [string, EventListener][] = [
    ['pointerover', onPointerOver as EventListener],
    ['pointerout', onPointerOut as EventListener],
    ['focusin', onFocusIn as EventListener],
    ['focusout', onFocusOut as EventListener],
    ['click', onClick as EventListener],
    ['keydown', onKeyDown as EventListener],
    ['pointerdown', onPointerDown as EventListener],
  ];
  for (const [type, listener] of listeners) document.addEventListener(type, listener, true);

  return {
    open(mark) {
      openPopover(mark, false);
    },
    announce(message) {
      withView((v) => {
        const { status } = ensurePanels(v);
        status.textContent = '';
        clearTimeout(announceTimer);
        announceTimer = setTimeout(() => (status.textContent = message), ANNOUNCE_DELAY_MS);
      });
    },
    destroy() {
      destroyed = true;
      clearTimeout(announceTimer);
      clearTimers();
      hidePreview();
      closePopover(false);
      for (const [type, listener] of listeners) document.removeEventListener(type, listener, true);
      panels?.ui.destroy();
      panels = undefined;
    },
  };
}
