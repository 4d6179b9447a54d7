// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { compileNameIndex } from '../../drugs/name-index';
import { nameEntriesOf } from '../../drugs/name-entries';
import { removeHighlights } from '../../content/highlight';
import { UI_HOST_ATTRIBUTE } from '../../content/exclusions';
import {
  BATCH,
  createPageScanner,
  MAX_QUEUED_ROOTS,
  SLICE_BUDGET_MS,
  TEXT_WINDOW,
  type PageScannerOptions,
} from '../../content/page-scanner';
import { sampleKb } from './helpers/sample-kb';

const index = compileNameIndex(nameEntriesOf(sampleKb()));
const marks = (root: ParentNode = document.body) =>
  Array.from(root.querySelectorAll('mark[data-medmark]')).map((m) => [m.textContent, (m as HTMLElement).dataset.drug]);

async function scan(root: Node = document.body) {
  const scanner = createPageScanner({ index });
  scanner.scan(root);
  await scanner.idle();
  return scanner;
}

/**
 * A scanner whose clock costs 1 ms per reading, so a slice covers only a few
 * nodes or windows; counts the slices it schedules.
 */
function slicedScanner(options: Partial<PageScannerOptions> = {}) {
  let clock = 0;
  let slices = 0;
  const scanner = createPageScanner({
    index,
    now: () => clock++,
    schedule: (run) => {
      slices++;
      setTimeout(run, 0);
    },
    ...options,
  });
  return { scanner, slices: () => slices };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('page scanner', () => {
  it('wraps each match in a mark carrying the record id, keeping the text intact', async () => {
    document.body.innerHTML = '<p id="p">Take <b>baclofen</b> or Zoloft, not nonbaclofenic things. Baclofen!</p>';
    const before = document.body.textContent;
    await scan();
    expect(marks()).toEqual([
      ['baclofen', 'baclofen'],
      ['Zoloft', 'sertraline'],
      ['Baclofen', 'baclofen'],
    ]);
    expect(document.body.textContent).toBe(before);
  });

  it('makes highlights focusable buttons, except inside links', async () => {
    document.body.innerHTML = '<p>baclofen <a href="/x">Zoloft</a></p>';
    await scan();
    const [plain, inLink] = Array.from(document.querySelectorAll<HTMLElement>('mark[data-medmark]'));
    expect(plain.getAttribute('tabindex')).toBe('0');
    expect(plain.getAttribute('role')).toBe('button');
    expect(inLink.hasAttribute('tabindex')).toBe(false);
    expect(inLink.hasAttribute('role')).toBe(false);
  });

  it('never touches scripts, styles, form fields, editable regions or SVG text', async () => {
    const html = [
      '<script>var a = "baclofen";</script>',
      '<style>.baclofen { color: red }</style>',
      '<noscript>baclofen</noscript>',
      '<textarea>baclofen</textarea>',
      '<select><option>baclofen</option></select>',
      '<button>baclofen</button>',
      '<div contenteditable="true"><p>baclofen</p></div>',
      '<div contenteditable=""><span>Zoloft</span></div>',
      '<div role="textbox">baclofen</div>',
      '<svg><text>baclofen</text></svg>',
    ].join('');
    document.body.innerHTML = html;
    const before = document.body.innerHTML;
    await scan();
    expect(marks()).toEqual([]);
    expect(document.body.innerHTML).toBe(before);
  });

  it('highlights inside contenteditable="false" islands', async () => {
    document.body.innerHTML = '<div contenteditable="false">baclofen</div>';
    await scan();
    expect(marks()).toEqual([['baclofen', 'baclofen']]);
  });

  it('is idempotent: scanning again adds nothing', async () => {
    document.body.innerHTML = '<p>baclofen and Lexapro and Zoloft</p>';
    await scan();
    const html = document.body.innerHTML;
    await scan();
    expect(document.body.innerHTML).toBe(html);
  });

  it('scans content added later when given its root', async () => {
    document.body.innerHTML = '<div id="feed"></div>';
    const scanner = await scan();
    const p = document.createElement('p');
    p.textContent = 'New: Lexapro';
    document.getElementById('feed')!.append(p);
    scanner.scan(p);
    await scanner.idle();
    expect(marks()).toEqual([['Lexapro', 'escitalopram']]);
  });

  it('works in time slices: a page larger than one slice is finished over several', async () => {
    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => `<p>Post ${i}: baclofen</p>`).join('');
    const { scanner, slices } = slicedScanner();
    scanner.scan(document.body);
    await scanner.idle();
    expect(marks()).toHaveLength(300);
    expect(slices()).toBeGreaterThan(10);
  });

  it('collapses a huge burst of roots into one rescan of the body', async () => {
    document.body.innerHTML = '';
    const paragraphs = Array.from({ length: MAX_QUEUED_ROOTS + 50 }, (_, i) => {
      const p = document.createElement('p');
      p.textContent = `Item ${i} Zoloft`;
      document.body.append(p);
      return p;
    });
    const scanner = createPageScanner({ index, schedule: (run) => setTimeout(run, 0) });
    for (const p of paragraphs) scanner.scan(p);
    await scanner.idle();
    expect(marks()).toHaveLength(paragraphs.length);
  });

  it('matches very long text nodes in windows without losing matches', async () => {
    const text = 'Notes about baclofen. '.repeat(5000); // 110k characters
    document.body.append(document.createTextNode(text));
    await scan();
    expect(marks()).toHaveLength(5000);
  });

  it('spreads one huge text node over many slices, in page order, losing nothing', async () => {
    const text = Array.from({ length: 4000 }, (_, i) => `Line ${i} mentions ${i % 2 ? 'Zoloft' : 'baclofen'} here.`).join(' ');
    const node = document.createTextNode(text);
    document.body.append(node);
    const seen: string[] = [];
    const { scanner, slices } = slicedScanner({ onMatch: (m) => seen.push(m.drug) > 0 });
    scanner.scan(document.body);
    await scanner.idle();
    // One node used to be matched and wrapped in a single slice, whatever its size;
    // now each slice (a reading of the clock per window) takes a few windows.
    expect(slices()).toBeGreaterThan(1);
    expect(slices()).toBeGreaterThanOrEqual(Math.floor(text.length / TEXT_WINDOW / SLICE_BUDGET_MS));
    expect(marks()).toHaveLength(4000);
    expect(seen.slice(0, 4)).toEqual(['baclofen', 'sertraline', 'baclofen', 'sertraline']);
    expect(document.body.textContent).toBe(text);
  });

  it('writes highlights in batches, not a few in every slice (issue 11)', async () => {
    document.body.innerHTML = Array.from({ length: 1200 }, (_, i) => `<p>Note ${i}: ${i % 2 ? 'Zoloft' : 'baclofen'}.</p>`).join('');
    // Per slice: did it write? Slices are counted as they are scheduled.
    const wrote: boolean[] = [false];
    const schedule = (run: () => void) => {
      wrote.push(false);
      setTimeout(run, 0);
    };
    const batched = createPageScanner({
      index,
      now: (() => {
        let t = 0;
        return () => t++;
      })(),
      schedule,
      onMarks: () => (wrote[wrote.length - 1] = true),
    });
    batched.scan(document.body);
    await batched.idle();
    expect(marks()).toHaveLength(1200);
    // Runs of consecutive writing slices: the small first batch, then one per BATCH highlights.
    const runs = wrote.filter((w, i) => w && !wrote[i - 1]).length;
    expect(wrote.filter((w) => !w).length).toBeGreaterThan(10);
    expect(runs).toBeLessThanOrEqual(2 + Math.ceil(1200 / BATCH));
  });

  it('rescans a node the page changed between matching and writing, highlighting what it says now', async () => {
    document.body.innerHTML = Array.from({ length: 200 }, (_, i) => `<p id="p${i}">Item ${i} baclofen</p>`).join('');
    const queued: (() => void)[] = [];
    const scanner = createPageScanner({
      index,
      now: (() => {
        let t = 0;
        return () => t++;
      })(),
      schedule: (run) => queued.push(run),
    });
    scanner.scan(document.body);
    queued.shift()!(); // the first slice matches some paragraphs (and writes the first small batch)
    const last = document.querySelector('mark[data-medmark]:last-of-type')?.closest('p')?.id;
    const firstUnwritten = Array.from(document.querySelectorAll('p')).find((p) => !p.querySelector('mark'))!;
    expect(Number(firstUnwritten.id.slice(1))).toBeGreaterThan(Number(last?.slice(1) ?? -1));
    (firstUnwritten.firstChild as Text).data = 'Now Zoloft, no longer the old name';
    while (queued.length) queued.shift()!();
    await scanner.idle();
    expect(firstUnwritten.textContent).toBe('Now Zoloft, no longer the old name');
    expect(Array.from(firstUnwritten.querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['Zoloft']);
    expect(marks()).toHaveLength(200);
  });

  it('writes a huge text node in one swap, after all its windows are matched, keeping a link context', async () => {
    const text = Array.from({ length: 3000 }, (_, i) => `Line ${i} mentions ${i % 2 ? 'Zoloft' : 'baclofen'} here.`).join(' ');
    document.body.innerHTML = '<p id="long"><a href="/x"></a></p>';
    const link = document.querySelector('a')!;
    link.append(document.createTextNode(text));
    let deliveries = 0;
    const observer = new MutationObserver(() => deliveries++);
    observer.observe(link, { childList: true });
    const { scanner, slices } = slicedScanner();
    scanner.scan(document.body);
    await scanner.idle();
    await Promise.resolve();
    observer.disconnect();
    expect(slices()).toBeGreaterThan(1);
    expect(deliveries).toBe(1); // one replacement in one slice, not a write per window
    expect(marks()).toHaveLength(3000);
    expect(link.textContent).toBe(text);
    // Inside a link the link keeps the focus: highlights there are not buttons.
    expect(link.querySelector('mark')!.getAttribute('role')).toBeNull();
  });

  it('swaps long text nodes in with the batch, not one slice each (the parser cuts long text into 64k nodes)', async () => {
    const paragraph = document.createElement('p');
    // Six long nodes of ~20,000 characters (five windows each), 50 names in each.
    const texts = Array.from({ length: 6 }, (_, n) =>
      Array.from({ length: 400 }, (_, i) => `Part ${n} line ${i} ${i % 8 === 0 ? 'baclofen' : 'nothing'}.`).join(' '),
    );
    for (const text of texts) paragraph.append(document.createTextNode(text));
    document.body.append(paragraph);
    let deliveries = 0;
    const observer = new MutationObserver(() => deliveries++);
    observer.observe(paragraph, { childList: true });
    // A clock costing 4 ms a reading: a slice does four windows, less than one node.
    let clock = 0;
    let slices = 0;
    const scanner = createPageScanner({ index, now: () => (clock += 4), schedule: (run) => (slices++, setTimeout(run, 0)) });
    scanner.scan(document.body);
    await scanner.idle();
    await Promise.resolve();
    observer.disconnect();
    expect(marks()).toHaveLength(300);
    expect(paragraph.textContent).toBe(texts.join(''));
    expect(slices).toBeGreaterThan(6);
    // The first small batch, then the rest together (a few writes per slice
    // on this clock): not one write per node.
    expect(deliveries).toBeLessThan(texts.length - 1);
  });

  it('scans a huge text node again when the page changes it while its windows are being matched', async () => {
    const text = Array.from({ length: 3000 }, (_, i) => `Line ${i} mentions baclofen here.`).join(' ');
    const node = document.createTextNode(text);
    document.body.append(node);
    const queued: (() => void)[] = [];
    let t = 0;
    const scanner = createPageScanner({ index, now: () => t++, schedule: (run) => queued.push(run) });
    scanner.scan(document.body);
    queued.shift()!();
    expect(marks()).toHaveLength(0);
    node.data = 'Only Zoloft now.';
    while (queued.length) queued.shift()!();
    await scanner.idle();
    expect(marks()).toEqual([['Zoloft', 'sertraline']]);
    expect(document.body.textContent).toBe('Only Zoloft now.');
  });

  it('finds a multi-word name that straddles the end of a window in a huge node', async () => {
    // "insulin" ends just before the window's last space; "glargine" starts after it.
    const text = `${'a '.repeat(1996)}insulin glargine and more ${'a '.repeat(3000)}`;
    expect(text.indexOf('insulin glargine')).toBe(3992);
    document.body.append(document.createTextNode(text));
    await scan();
    expect(marks()).toEqual([['insulin glargine', 'insulin-glargine']]);
    expect(document.body.textContent).toBe(text);
  });

  it('can remove every highlight, restoring the original text', async () => {
    document.body.innerHTML = '<p>baclofen, Zoloft and <i>Lexapro</i>.</p>';
    const before = document.body.innerHTML;
    await scan();
    removeHighlights(document.body);
    expect(document.body.innerHTML).toBe(before);
  });
});

/** Gives `host` a shadow root holding `html`. */
function shadowOf(host: Element, html: string, mode: ShadowRootMode = 'open'): ShadowRoot {
  const root = host.attachShadow({ mode });
  root.innerHTML = html;
  return root;
}

describe('page scanner in shadow roots', () => {
  it('scans open shadow roots, nested ones too, and reports each root it passes', async () => {
    document.body.innerHTML = '<p>baclofen</p><x-card id="a"></x-card><div id="b"></div>';
    const a = shadowOf(document.getElementById('a')!, '<p>Zoloft</p><x-inner></x-inner>');
    const inner = shadowOf(a.querySelector('x-inner')!, '<span>Lexapro</span>');
    const b = shadowOf(document.getElementById('b')!, '<slot></slot><em>Advil</em>');
    const seen: ShadowRoot[] = [];
    const scanner = createPageScanner({ index, onShadowRoot: (root) => seen.push(root) });
    scanner.scan(document.body);
    await scanner.idle();
    expect(marks()).toEqual([['baclofen', 'baclofen']]);
    expect(marks(a)).toEqual([['Zoloft', 'sertraline']]);
    expect(marks(inner)).toEqual([['Lexapro', 'escitalopram']]);
    expect(marks(b)).toEqual([['Advil', 'ibuprofen']]);
    expect(new Set(seen)).toEqual(new Set([a, inner, b]));
  });

  it('finds the shadow root of a component that is itself the root scanned (one added on its own)', async () => {
    const scanner = await scan();
    const card = document.createElement('x-card');
    const root = shadowOf(card, '<p>Zoloft</p>');
    document.body.append(card);
    scanner.scan(card);
    await scanner.idle();
    expect(marks(root)).toEqual([['Zoloft', 'sertraline']]);
  });

  it('leaves closed shadow roots, our own UI and components inside excluded elements alone', async () => {
    document.body.innerHTML = '<x-closed></x-closed><x-ui></x-ui><button><x-in-button></x-in-button></button>';
    const closed = shadowOf(document.querySelector('x-closed')!, '<p>baclofen</p>', 'closed');
    const ui = document.querySelector('x-ui')!;
    ui.setAttribute(UI_HOST_ATTRIBUTE, '');
    const uiRoot = shadowOf(ui, '<p>baclofen</p>');
    const inButton = shadowOf(document.querySelector('x-in-button')!, '<p>baclofen</p>');
    const scanner = await scan();
    // Roots added later inside them are refused too.
    scanner.scan(uiRoot.firstChild!);
    scanner.scan(inButton.firstChild!);
    await scanner.idle();
    for (const root of [closed, uiRoot, inButton]) expect(root.innerHTML).toBe('<p>baclofen</p>');
  });

  it('reports custom elements that are not defined yet', async () => {
    document.body.innerHTML = '<x-later></x-later><p>plain</p>';
    const undefinedOnes: string[] = [];
    const scanner = createPageScanner({ index, onUndefinedElement: (el) => undefinedOnes.push(el.localName) });
    scanner.scan(document.body);
    await scanner.idle();
    expect(undefinedOnes).toEqual(['x-later']);
  });

  it('never collapses shadow roots into a body rescan, so a page of components finishes', async () => {
    const count = MAX_QUEUED_ROOTS + 50;
    const roots = Array.from({ length: count }, () => {
      const card = document.createElement('x-card');
      document.body.append(card);
      return shadowOf(card, '<p>Zoloft</p>');
    });
    let slices = 0;
    const scanner = createPageScanner({
      index,
      schedule: (run) => {
        if (++slices < 10_000) setTimeout(run, 0);
      },
    });
    scanner.scan(document.body);
    // A burst of light roots on top: they collapse, the shadow roots stay queued.
    for (let i = 0; i < MAX_QUEUED_ROOTS + 1; i++) scanner.scan(document.body.appendChild(document.createElement('p')));
    await scanner.idle();
    expect(slices).toBeLessThan(10_000);
    expect(roots.every((root) => marks(root).length === 1)).toBe(true);
  });
});
