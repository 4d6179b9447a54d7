/**
 * Keeps a floating panel next to its highlight and inside the viewport, using
 * Floating UI (flip to the other side when there is no room, shift along the
 * edge, cap the height to the space available). Reports when the highlight
 * scrolls out of view so the owner can close the panel.
 */
import { autoUpdate, computePosition, flip, hide, offset, shift, size } from '@floating-ui/dom';

/** Gap between the highlight and the panel, in px. */
const GAP_PX = 6;
/** Minimum distance from the viewport edge, in px. */
const EDGE_PX = 8;

export function keepPlaced(anchor: Element, panel: HTMLElement, onAnchorHidden: () => void): () => void {
  const update = async () => {
    const { x, y, middlewareData } = await computePosition(anchor, panel, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(GAP_PX),
        flip({ padding: EDGE_PX }),
        shift({ padding: EDGE_PX }),
        size({
          padding: EDGE_PX,
          apply({ availableHeight }) {
            panel.style.maxHeight = `${Math.max(160, Math.floor(availableHeight))}px`;
          },
        }),
        hide({ strategy: 'referenceHidden' }),
      ],
    });
    panel.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    if (middlewareData.hide?.referenceHidden || !anchor.isConnected) onAnchorHidden();
  };
  return autoUpdate(anchor, panel, () => void update());
}
