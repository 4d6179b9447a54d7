/**
 * The behaviour around highlights: hover or focus shows a preview after a
 * short delay; click, Enter or Space opens the popover; Esc, an outside click
 * or scrolling the highlight away closes it, and focus goes back to the
 * highlight. One set of delegated listeners on the document serves every
 * highlight (never one listener per mark).
 */
import { h, render } from 'preact';
import { DrugPopover } from '../components/DrugPopover';
import { HoverPreview } from '../components/HoverPreview';
import type { DrugDetails, DrugPreview } from '../messaging/protocol';
import type { BackgroundClient } from './background-client';
import { MARK_ATTRIBUTE } from './exclusions';
import { GUESS_ATTRIBUTE } from './highlight';
import { keepPlaced } from './placement';
import type { UiRoot } from './ui-root';

/** Hover intent: a pointer passing over a word should not flash a card. */
export const HOVER_OPEN_DELAY_MS = 350;
/** Grace period to move the pointer from the highlight into the preview. */
export const HOVER_CLOSE_DELAY_MS = 250;
/** Keyboard focus is deliberate; show the preview almost at once. */
export const FOCUS_OPEN_DELAY_MS = 100;

const HEADING_ID = 'medmark-popover-title';

export type DrugUiOptions = {
  /** Creates the shadow-root host. Called on first use, so a page nobody hovers is never touched. */
  createUi: () => UiRoot;
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

type Panels = { ui: UiRoot; preview: HTMLElement; popover: HTMLElement };

function createPanels(ui: UiRoot): Panels {
  const preview = createPanel(ui, 'mm-preview-box');
  preview.setAttribute('role', 'group');
  preview.setAttribute('aria-label', 'Medmark preview');
  const popover = createPanel(ui, 'mm-popover');
  popover.setAttribute('role', 'dialog');
  popover.setAttribute('aria-modal', 'false');
  popover.setAttribute('aria-labelledby', HEADING_ID);
  popover.tabIndex = -1;
  return { ui, preview, popover };
}

export function createDrugUi({ createUi, client, pageDrugIds, hoverDelayMs, addMedication }: DrugUiOptions): DrugUi {
  const hoverDelay = () => hoverDelayMs?.() ?? HOVER_OPEN_DELAY_MS;
  let panels: Panels | undefined;
  const ensurePanels = (): Panels => (panels ??= createPanels(createUi()));

  let previewAnchor: HTMLElement | null = null;
  let popoverAnchor: HTMLElement | null = null;
  let stopPreviewPlacement: (() => void) | undefined;
  let stopPopoverPlacement: (() => void) | undefined;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Incremented on every open, so a late answer for an older request is dropped. */
  let token = 0;

  const clearTimers = () => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
  };

  // ---- preview -------------------------------------------------------------
  const renderPreview = (mark: HTMLElement, preview?: DrugPreview) =>
    render(
      h(HoverPreview, {
        preview,
        inLink: mark.closest('a[href]') !== null,
        guess: guessOf(mark),
        onOpenDetails: () => openPopover(mark, true),
      }),
      ensurePanels().preview,
    );

  const showPreview = (mark: HTMLElement) => {
    if (popoverAnchor === mark) return;
    hidePreview();
    previewAnchor = mark;
    const mine = ++token;
    renderPreview(mark);
    const { preview: previewPanel } = ensurePanels();
    previewPanel.hidden = false;
    stopPreviewPlacement = keepPlaced(mark, previewPanel, hidePreview);
    client
      .preview(mark.dataset.drug ?? '')
      .then((preview) => {
        if (mine !== token || previewAnchor !== mark) return;
        if (preview) renderPreview(mark, preview);
        else hidePreview();
      })
      .catch(() => hidePreview());
  };

  function hidePreview() {
    stopPreviewPlacement?.();
    stopPreviewPlacement = undefined;
    previewAnchor = null;
    if (!panels) return;
    panels.preview.hidden = true;
    render(null, panels.preview);
  }

  // ---- popover -------------------------------------------------------------
  const renderPopover = (details: DrugDetails | null | undefined) =>
    render(
      h(DrugPopover, {
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
      }),
      ensurePanels().popover,
    );

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

  function openPopover(mark: HTMLElement, moveFocus: boolean) {
    clearTimers();
    hidePreview();
    if (popoverAnchor && popoverAnchor !== mark) closePopover(false);
    popoverAnchor = mark;
    mark.setAttribute('aria-expanded', 'true');
    const { popover: popoverPanel } = ensurePanels();
    popoverPanel.hidden = false;
    stopPopoverPlacement ??= keepPlaced(mark, popoverPanel, () => closePopover(false));
    if (moveFocus) popoverPanel.focus({ preventScroll: true });
    showInPopover(mark.dataset.drug ?? '');
  }

  function closePopover(returnFocus: boolean) {
    const anchor = popoverAnchor;
    if (!anchor) return;
    stopPopoverPlacement?.();
    stopPopoverPlacement = undefined;
    popoverAnchor = null;
    token++;
    anchor.removeAttribute('aria-expanded');
    if (panels) {
      panels.popover.hidden = true;
      render(null, panels.popover);
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
    destroy() {
      clearTimers();
      hidePreview();
      closePopover(false);
      for (const [type, listener] of listeners) document.removeEventListener(type, listener, true);
      panels?.ui.destroy();
      panels = undefined;
    },
  };
}
