// @vitest-environment happy-dom
/**
 * The preview and popover drawing is loaded on first use (`DrugUiOptions.loadView`,
 * issue 11): not before the reader points at or clicks a highlight, and what
 * they asked for happens once it arrives, unless they have moved on.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDrugUi, type DrugUi } from '../../content/drug-ui';
import type { DrugView } from '../../content/drug-view';
import { stubClient } from './helpers/stub-client';

/** A view that records what it is asked to draw. */
function fakeView() {
  const drawn: string[] = [];
  const view: DrugView = {
    createUiRoot: (doc) => {
      const host = doc.createElement('div');
      const shadow = host.attachShadow({ mode: 'open' });
      const layer = doc.createElement('div');
      shadow.append(layer);
      doc.body.append(host);
      return { host, shadow, layer, destroy: () => host.remove() };
    },
    renderPreview: (_c, props) => drawn.push(props ? 'preview' : 'preview cleared'),
    renderPopover: (_c, props) => drawn.push(props ? 'popover' : 'popover cleared'),
    keepPlaced: () => () => {},
  };
  return { view, drawn };
}

/** A `loadView` the test resolves or rejects when it chooses. */
function controlledLoad() {
  const calls: { resolve: (v: DrugView) => void; reject: (e: Error) => void }[] = [];
  const load = () => new Promise<DrugView>((resolve, reject) => calls.push({ resolve, reject }));
  return { load, calls };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
let ui: DrugUi | undefined;
let mark: HTMLElement;

beforeEach(() => {
  document.body.innerHTML =
    '<p>Take <mark data-medmark data-drug="baclofen" tabindex="0">baclofen</mark> and <button id="other">other</button></p>';
  mark = document.querySelector('mark')!;
});
afterEach(() => ui?.destroy());

const start = (loadView: () => Promise<DrugView>) =>
  (ui = createDrugUi({ loadView, doc: document, client: stubClient, pageDrugIds: () => ['baclofen'], hoverDelayMs: () => 0 }));
const click = (target: Element) => target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, button: 0, detail: 1 }));
const popoverPanel = () => document.querySelector('div')?.shadowRoot?.querySelector<HTMLElement>('.mm-popover');

describe('loading the drug view', () => {
  it('is not asked for until the reader points at, focuses or clicks a highlight', async () => {
    const { load, calls } = controlledLoad();
    start(load);
    click(document.getElementById('other')!);
    await flush();
    expect(calls).toHaveLength(0);
    mark.dispatchEvent(new Event('pointerover', { bubbles: true, composed: true }));
    expect(calls).toHaveLength(1);
    // Asked for once, however often the reader points.
    mark.dispatchEvent(new Event('pointerover', { bubbles: true, composed: true }));
    click(mark);
    expect(calls).toHaveLength(1);
  });

  it('opens the popover asked for while it loads, once it arrives', async () => {
    const { load, calls } = controlledLoad();
    const { view, drawn } = fakeView();
    start(load);
    click(mark);
    await flush();
    expect(drawn).toEqual([]);
    calls[0].resolve(view);
    await flush();
    expect(drawn).toContain('popover');
    expect(popoverPanel()?.hidden).toBe(false);
    expect(mark.getAttribute('aria-expanded')).toBe('true');
  });

  it('opens nothing if the reader pressed Esc or clicked elsewhere while it loaded', async () => {
    for (const cancel of [
      () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
      () => document.getElementById('other')!.dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true })),
    ]) {
      const { load, calls } = controlledLoad();
      const { view, drawn } = fakeView();
      start(load);
      click(mark);
      cancel();
      calls[0].resolve(view);
      await flush();
      expect(drawn).not.toContain('popover');
      expect(mark.hasAttribute('aria-expanded')).toBe(false);
      ui?.destroy();
    }
  });

  it('tries again on the next click when loading failed, without breaking the page', async () => {
    const { load, calls } = controlledLoad();
    const { view, drawn } = fakeView();
    start(load);
    click(mark);
    calls[0].reject(new Error('extension was reloaded'));
    await flush();
    expect(drawn).toEqual([]);
    click(mark);
    expect(calls).toHaveLength(2);
    calls[1].resolve(view);
    await flush();
    expect(drawn).toContain('popover');
  });
});
