/**
 * The pages `npm run bench` generates and serves itself (issue 11). All are
 * deterministic (a seeded generator), so runs compare like with like.
 *
 * - dense article: ~1.5 MB of HTML, ~30,000 text nodes (paragraphs with links
 *   and emphasis), a drug name every ~60 words in mixed case and punctuation;
 * - the same article with no drug names (what a page of ordinary prose costs);
 * - long tables (a formulary-like list: drug, dose, notes);
 * - an endless feed: a chunk of drug-rich posts appended every ~25 ms;
 * - one 1 MB text node (a book pasted into one element);
 * - an empty page (start-up cost).
 */
export type BenchPage = {
  id: string;
  title: string;
  html: string;
  /** True when the page has names to highlight. */
  hasNames: boolean;
  /** The feed: the page appends chunks itself and sets `window.__feedDone` at the end. */
  feed?: { chunks: number; intervalMs: number };
};

/** Everyday words with no drug name in them, nor a near-miss of one. */
const FILLER = (
  'the patient said that after several weeks stiffness had eased and walking was easier again ' +
  'doctor nurse asked about sleep appetite work family morning evening because still often never ' +
  'we they she he it was were will would could should might must can did does have has had being been ' +
  'about above across after against along among around before behind below beside between beyond ' +
  'house garden street market window table chair letter paper story answer question number result ' +
  'small large early later quiet clear simple strong gentle careful honest usual recent common'
).split(' ');

const PUNCTUATION_AFTER = ['', '', '', ',', '.', ')', "'s", ':', ';'];

/** A deterministic generator (Park–Miller). */
function random(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

function mixedCase(name: string, r: number): string {
  if (r < 0.5) return name.toLowerCase();
  if (r < 0.85) return name.charAt(0).toUpperCase() + name.slice(1);
  return name.toUpperCase();
}

function writer(names: readonly string[], seed: number, nameEvery: number) {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const word = (): string => {
    if (names.length && next() < 1 / nameEvery) {
      const name = mixedCase(pick(names), next());
      return `${next() < 0.1 ? '(' : ''}${name}${pick(PUNCTUATION_AFTER)}`;
    }
    return pick(FILLER);
  };
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  return { next, word, words };
}

const page = (title: string, body: string, head = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;

/** ~1.5 MB, ~30,000 text nodes: 4,300 paragraphs of seven text nodes each. */
export function denseArticle(names: readonly string[], paragraphs = 4_300): string {
  const w = writer(names, 17, 60);
  const body = Array.from({ length: paragraphs }, (_, i) => {
    const parts = [
      w.words(14),
      `<a href="#p${i}">${w.words(3)}</a>`,
      w.words(12),
      `<em>${w.words(2)}</em>`,
      w.words(12),
      `<strong>${w.words(3)}</strong>`,
      `${w.words(10)}.`,
    ];
    return `<p id="p${i}">${parts.join(' ')}</p>`;
  }).join('\n');
  return page(names.length ? 'Dense article' : 'Dense article, no drug names', `<h1>Dense article</h1><article>${body}</article>`);
}

/** Tables of medicines: 30 tables of 200 rows, a drug name in most first cells. */
export function longTables(names: readonly string[], tables = 30, rows = 200): string {
  const w = writer(names, 29, 60);
  const table = (t: number) => {
    const body = Array.from({ length: rows }, () => {
      const drug = w.next() < 0.8 ? mixedCase(names[Math.floor(w.next() * names.length)], w.next()) : w.words(2);
      return `<tr><td>${drug}</td><td>${1 + Math.floor(w.next() * 500)} mg</td><td>${w.words(2)}</td><td>${w.words(6)}</td><td>${w.words(4)}</td></tr>`;
    }).join('');
    return `<h2>Table ${t + 1}</h2><table><thead><tr><th>Medicine</th><th>Dose</th><th>When</th><th>Notes</th><th>Review</th></tr></thead><tbody>${body}</tbody></table>`;
  };
  return page('Long tables', Array.from({ length: tables }, (_, t) => table(t)).join('\n'));
}

/** About 1 MB of text in one node. */
export function oneHugeNode(names: readonly string[], words = 170_000): string {
  const w = writer(names, 41, 60);
  return page('One huge text node', `<h1>One huge text node</h1><p>${w.words(words)}</p>`);
}

/**
 * An endless feed: every `intervalMs` the page appends a chunk (three posts
 * with a few names each), stamped with the time it was added (`data-at`), as
 * an infinite-scroll timeline does.
 */
export function feed(names: readonly string[], chunks = 200, intervalMs = 25): string {
  const w = writer(names, 53, 12);
  const chunkHtml = Array.from({ length: chunks }, () =>
    Array.from({ length: 3 }, () => `<div class="post"><p>${w.words(30)}</p><p>${w.words(30)}</p></div>`).join(''),
  );
  const script = `
    const chunks = ${JSON.stringify(chunkHtml)};
    let i = 0;
    function add() {
      const chunk = document.createElement('section');
      chunk.dataset.chunk = String(i);
      chunk.innerHTML = chunks[i];
      chunk.dataset.at = String(performance.now());
      document.getElementById('feed').append(chunk);
      i++;
      if (i < chunks.length) setTimeout(add, ${intervalMs});
      else window.__feedDone = true;
    }
    addEventListener('load', () => setTimeout(add, ${intervalMs}));`;
  return page('Endless feed', `<h1>Feed</h1><main id="feed"></main><script>${script}</script>`);
}

export const emptyPage = () => page('Empty', '');

export function benchPages(names: readonly string[]): BenchPage[] {
  return [
    { id: 'dense', title: 'dense article', html: denseArticle(names), hasNames: true },
    { id: 'no-names', title: 'dense article, no drug names', html: denseArticle([]), hasNames: false },
    { id: 'tables', title: 'long tables', html: longTables(names), hasNames: true },
    { id: 'feed', title: 'endless feed', html: feed(names), hasNames: true, feed: { chunks: 200, intervalMs: 25 } },
    { id: 'huge-node', title: 'one 1 MB text node', html: oneHugeNode(names), hasNames: true },
  ];
}
