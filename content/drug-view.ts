/**
 * The part of the in-page UI that only a reader who hovers or opens a
 * highlight needs: Preact and the preview and popover components, Floating UI
 * placement, and the shadow-root host with its styles. It is about a third of
 * the content script, so it is built as a file of its own
 * (`entrypoints/drug-view.ts`) and loaded on the first hover, focus or click
 * on a highlight (`drug-view-loader.ts`): every page load compiles the rest
 * only (issue 11, docs/adr/0009). `drug-ui.ts` keeps the behaviour and the
 * listeners; this module only draws.
 */
import { h, render } from 'preact';
import { DrugPopover, type DrugPopoverProps } from '../components/DrugPopover';
import { HoverPreview, type HoverPreviewProps } from '../components/HoverPreview';
import { keepPlaced } from './placement';
import { createUiRoot, type UiRoot } from './ui-root';

export type DrugView = {
  createUiRoot(doc: Document): UiRoot;
  /** Draws the preview card into `container`, or empties it (null). */
  renderPreview(container: HTMLElement, props: HoverPreviewProps | null): void;
  /** Draws the popover into `container`, or empties it (null). */
  renderPopover(container: HTMLElement, props: DrugPopoverProps | null): void;
  keepPlaced: typeof keepPlaced;
};

export const drugView: DrugView = {
  createUiRoot,
  renderPreview: (container, props) => render(props && h(HoverPreview, props), container),
  renderPopover: (container, props) => render(props && h(DrugPopover, props), container),
  keepPlaced,
};
