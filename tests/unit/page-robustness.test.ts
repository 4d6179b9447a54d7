// @vitest-environment happy-dom
/**
 * Pages that change under the content script (issue 9): a swapped <body>,
 * web components and their shadow roots, custom elements defined late.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchBody } from '../../content/body-watch';
import { UPGRADE_FIRST_CHECK_MS, UPGRADE_MAX_CHECK_MS, watchUpgrades } from '../../content/custom-element-upgrades';
import { watchMutations } from '../../content/mutation-watch';
import { createShadowRoots, marksInOrder } from '../../content/shadow-roots';
import { startMedmark, type HighlightRun } from '../../content/start-medmark';
import { nameEntriesOf } from '../../drugs/name-entries';
import { compileNameIndex } from '../../drugs/name-index';
import { sampleKb } from './helpers/sample-kb';
import { stubClient } from './helpers/stub-client';

const index = compileNameIndex(nameEntriesOf(sampleKb()));
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function until(done: () => boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    if (done()) return;
    await settle();
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Replaces the body the way Turbo does (happy-dom has no `document.body` setter). */
function swapBody(html: string): HTMLElement {
  const next = document.createElement('body');
  next.innerHTML = html;
  document.documentElement.replaceChild(next, document.body);
  return next;
}

beforeEach(() => {
  swapBody('');
});

describe('watchBody', () => {
  it('reports each new body, however it was put in, and nothing for changes inside the body', async () => {
    const seen: (HTMLElement | null)[] = [];
    const watch = watchBody(document, (body) => seen.push(body));
    document.body.append(document.createElement('p'));
    await settle();
    expect(seen).toEqual([]);
    const first = swapBody('<p>one</p>');
    await settle();
    const second = document.createElement('body');
    document.body.replaceWith(second);
    await settle();
    expect(seen).toEqual([first, second]);
    watch.destroy();
  });
});

describe('a run follows a swapped body', () => {
  let run: HighlightRun | undefined;
  afterEach(() => run?.destroy());

  const start = (mentions: 'all' | 'first' = 'all') => {
    let changes = 0;
    run = startMedmark({
      index,
      client: stubClient,
      mentions,
      decorate: () => {},
      onDrugsChanged: () => changes++,
      hoverDelayMs: () => 0,
      addMedication: async () => undefined,
      loadView: () => Promise.reject(new Error('these tests draw no previews')),
    });
    return { run, changes: () => changes };
  };
  const ids = () => run!.drugs().map((d) => d.id);

  it('highlights the new body, watches it, and lists only its drugs', async () => {
    document.body.innerHTML = '<p>baclofen</p>';
    const { changes } = start();
    await until(() => ids().length === 1, 'the first body');
    const before = changes();
    const next = swapBody('<p>Zoloft and Lexapro</p>');
    await until(() => next.querySelectorAll('mark[data-medmark]').length === 2, 'the new body');
    expect(ids()).toEqual(['sertraline', 'escitalopram']);
    expect(changes()).toBeGreaterThan(before); // so the badge and the popup hear of it
    next.insertAdjacentHTML('beforeend', '<p>Advil later</p>');
    await until(() => ids().includes('ibuprofen'), 'content added to the new body');
    expect(run!.marks().map((m) => m.dataset.drug)).toEqual(['sertraline', 'escitalopram', 'ibuprofen']);
  });

  it('counts the marks a body brings with it (a cached snapshot put back) and does not mark them twice', async () => {
    document.body.innerHTML = '<p>baclofen</p>';
    start('first');
    await until(() => run!.marks().length === 1, 'the first body');
    const snapshot = document.body.cloneNode(true) as HTMLElement;
    swapBody('<p>nothing here</p>');
    await until(() => ids().length === 0, 'the empty body');
    snapshot.insertAdjacentHTML('beforeend', '<p>baclofen again</p>');
    document.documentElement.replaceChild(snapshot, document.body);
    await until(() => ids().length === 1, 'the snapshot');
    await settle();
    expect(run!.drugs()).toEqual([{ id: 'baclofen', count: 2, names: ['baclofen'] }]);
    // First mention only: the one mark it brought.
    expect(run!.marks()).toHaveLength(1);
  });

  it('removes every mark, in the body and in shadow roots, when destroyed', async () => {
    document.body.innerHTML = '<p>baclofen</p><x-card></x-card>';
    const root = document.querySelector('x-card')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Zoloft</p>';
    const html = document.body.innerHTML;
    start();
    await until(() => run!.marks().length === 2, 'both marks');
    expect(root.adoptedStyleSheets).toHaveLength(1);
    run!.destroy();
    run = undefined;
    expect(document.body.innerHTML).toBe(html);
    expect(root.innerHTML).toBe('<p>Zoloft</p>');
    expect(root.adoptedStyleSheets).toHaveLength(0);
  });
});

describe('shadow roots', () => {
  it("lists marks in reading order, with a component's marks where its host is", () => {
    document.body.innerHTML =
      '<p><mark data-medmark data-drug="a">a</mark></p><x-one></x-one><p><mark data-medmark data-drug="d">d</mark></p>';
    const one = document.querySelector('x-one')!.attachShadow({ mode: 'open' });
    one.innerHTML = '<mark data-medmark data-drug="b">b</mark><x-two></x-two>';
    const two = one.querySelector('x-two')!.attachShadow({ mode: 'open' });
    two.innerHTML = '<mark data-medmark data-drug="c">c</mark>';
    const order = marksInOrder(document.body, [two, one], 'mark[data-medmark]').map((m) => m.dataset.drug);
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });

  it('adopts the highlight sheet once, again if the component replaced its sheets, and takes it away', () => {
    document.body.innerHTML = '<x-card></x-card>';
    const root = document.querySelector('x-card')!.attachShadow({ mode: 'open' });
    const own = new CSSStyleSheet();
    root.adoptedStyleSheets = [own];
    const shadows = createShadowRoots();
    expect(shadows.add(root)).toBe(true);
    expect(shadows.add(root)).toBe(false);
    shadows.style(root);
    shadows.style(root);
    expect(root.adoptedStyleSheets).toHaveLength(2);
    expect(root.adoptedStyleSheets[0]).toBe(own);
    root.adoptedStyleSheets = [own];
    shadows.style(root);
    expect(root.adoptedStyleSheets).toHaveLength(2);
    shadows.destroy();
    expect(root.adoptedStyleSheets).toEqual([own]);
  });

  it('watches a shadow root for the page’s changes, but not for our own writes', async () => {
    document.body.innerHTML = '<x-card></x-card>';
    const root = document.querySelector('x-card')!.attachShadow({ mode: 'open' });
    const added: Node[] = [];
    const watch = watchMutations(document.body, (node) => added.push(node));
    watch.observe(root);
    const pages = document.createElement('p');
    root.append(pages);
    const ours = document.createElement('p');
    watch.withoutObserving(() => root.append(ours));
    await settle();
    expect(added).toEqual([pages]);
    watch.destroy();
  });
});

describe('custom elements defined late', () => {
  type Timer = { run: () => void; ms: number };

  const setup = () => {
    const timers: Timer[] = [];
    const defined = new Set<string>();
    const reported: string[] = [];
    const elements = new Map<string, Element>();
    const watch = watchUpgrades({
      onDefined: (name) => reported.push(name),
      find: (name) => elements.get(name),
      isDefined: (el) => defined.has(el.localName),
      setTimer: (run, ms) => {
        const timer = { run, ms };
        timers.push(timer);
        return timer;
      },
      clearTimer: (timer) => timers.splice(timers.indexOf(timer as Timer), 1),
    });
    const tick = () => timers.shift()!.run();
    const element = (name: string) => {
      const el = document.body.appendChild(document.createElement(name));
      elements.set(name, el);
      return el;
    };
    return { watch, timers, defined, reported, tick, element };
  };

  it('reports a name once it is defined, checking one element per name, with a backoff', () => {
    const { watch, timers, defined, reported, tick, element } = setup();
    watch.add(element('x-a'));
    watch.add(element('x-a'));
    watch.add(element('x-b'));
    expect(timers.map((t) => t.ms)).toEqual([UPGRADE_FIRST_CHECK_MS]);
    tick();
    expect(reported).toEqual([]);
    expect(timers[0].ms).toBe(UPGRADE_FIRST_CHECK_MS * 2);
    defined.add('x-b');
    tick();
    expect(reported).toEqual(['x-b']);
    for (let i = 0; i < 10; i++) tick();
    expect(timers[0].ms).toBe(UPGRADE_MAX_CHECK_MS);
    defined.add('x-a');
    tick();
    expect(reported).toEqual(['x-b', 'x-a']);
    expect(timers).toEqual([]); // nothing left to wait for: no more timers
  });

  it('forgets a name whose elements have all left the page', () => {
    const { watch, timers, reported, tick } = setup();
    const el = document.body.appendChild(document.createElement('x-gone'));
    watch.add(el);
    el.remove();
    tick();
    expect(reported).toEqual([]);
    expect(timers).toEqual([]);
  });
});
