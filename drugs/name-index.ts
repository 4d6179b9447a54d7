/**
 * Compiles drug names into a token trie. Matching walks the text once and, at
 * each word, follows the trie for at most as many words as the longest name,
 * so the cost grows with the text, not with the number of names
 * (see `match.ts`).
 */
import type { MatchMode } from './schema';
import { compileMisspellingIndex, type MisspellingIndex } from './misspelling-index';
import { normalizeForMatching } from './text-normalize';

/**
 * The "record" of a phrase that names no medicine we cover although it
 * contains a name ("ethinyl estradiol", not estradiol): the matcher reads it
 * whole and highlights nothing (`notPartOf` in the schema).
 */
export const NOT_A_NAME = '';

/** One name the matcher should find, and the record it points to. */
export type NameEntry = {
  name: string;
  drug: string;
  match?: MatchMode;
  /** Highlighted only where the text around it reads as medical (`medical-context.ts`). */
  context?: 'medical';
  /** False: a word close to this name is never taken for its misspelling (`misspelling-index.ts`). */
  guess?: false;
};

/** A record a name points to, with the exact tokens required for `exact-case` names. */
export type NameTarget = {
  drug: string;
  /** Present only for `exact-case` names: the tokens as written (folded, case kept). */
  exactTokens?: string[];
  /** The name needs a medical context to be highlighted. */
  context?: 'medical';
};

export type TrieNode = {
  children: Map<string, TrieNode>;
  /** Names that end at this node. Empty for inner nodes. */
  targets: NameTarget[];
};

export type NameIndex = {
  root: TrieNode;
  /** Shortest and longest first word, in UTF-16 units: a cheap filter before the map lookup. */
  minFirstLength: number;
  maxFirstLength: number;
  size: number;
  /**
   * Present when misspellings are looked for (`compileNameIndex`'s
   * `misspellingExclusions`). Built on first use: a page with no long words
   * never pays for it.
   */
  misspellings?: () => MisspellingIndex;
};

/**
 * A word: letters, digits, combining marks and underscore (so identifiers such as
 * `baclofen_tab` stay one word and never match). Everything else separates words.
 */
export const WORD_PATTERN = /[\p{L}\p{N}\p{M}_]+/gu;

/** Splits a name or a text into its words, as written. */
export function tokenize(value: string): string[] {
  return value.match(WORD_PATTERN) ?? [];
}

/** The form names are compared in: lower case, words joined by one space. */
export function nameKey(value: string): string {
  return tokenize(value)
    .map((t) => t.toLowerCase())
    .join(' ');
}

function newNode(): TrieNode {
  return { children: new Map(), targets: [] };
}

export type NameIndexOptions = {
  /**
   * Look for probable misspellings of names too (`misspelling-index.ts`),
   * never taking these English words for one. Absent: names only.
   */
  misspellingExclusions?: Iterable<string>;
};

/**
 * Builds the index. Entries with `match: 'none'` or no words are left out.
 * Names are folded the way the matcher folds text (`text-normalize.ts`).
 */
export function compileNameIndex(entries: readonly NameEntry[], options: NameIndexOptions = {}): NameIndex {
  const builder = createNameIndexBuilder(() => ({ entries, ...options }));
  builder.step(Infinity, () => 0);
  return builder.index;
}

export type NameIndexBuilder = {
  /** The index, filled in place: complete once `step` has returned true. */
  index: NameIndex;
  /** Adds names until `now()` passes `deadline`; true once every name is in. */
  step(deadline: number, now: () => number): boolean;
};

/** Names added between two looks at the clock. */
const NAMES_PER_CHECK = 64;

/**
 * Builds the index a slice at a time. On a page the content script runs cold
 * (no optimized code yet), and compiling 2,000+ names at once took 60-150 ms
 * there: one long task on every page load. A page scanner steps the builder
 * inside its own slices, and only once it has text to match, so a page with
 * none never pays for it (issue 11). `load` (decoding the shipped names) is
 * called on the first step.
 */
export function createNameIndexBuilder(load: () => NameIndexOptions & { entries: readonly NameEntry[] }): NameIndexBuilder {
  const index: NameIndex = { root: newNode(), minFirstLength: Infinity, maxFirstLength: 0, size: 0 };
  let source: (NameIndexOptions & { entries: readonly NameEntry[] }) | undefined;
  let next = 0;
  let done = false;
  const add = (entry: NameEntry) => {
    const mode = entry.match ?? 'any-case';
    if (mode === 'none') return;
    const tokens = tokenize(normalizeForMatching(entry.name).text);
    if (tokens.length === 0) return;
    let node = index.root;
    for (const token of tokens) {
      const key = token.toLowerCase();
      let child = node.children.get(key);
      if (!child) {
        child = newNode();
        node.children.set(key, child);
      }
      node = child;
    }
    const target: NameTarget = { drug: entry.drug };
    if (mode === 'exact-case') target.exactTokens = tokens;
    if (entry.context) target.context = entry.context;
    if (!node.targets.some((t) => sameTarget(t, target))) {
      node.targets.push(target);
      index.size++;
    }
    index.minFirstLength = Math.min(index.minFirstLength, tokens[0].length);
    index.maxFirstLength = Math.max(index.maxFirstLength, tokens[0].length);
  };
  return {
    index,
    step(deadline, now) {
      if (done) return true;
      source ??= load();
      const { entries, misspellingExclusions } = source;
      while (next < entries.length) {
        const stop = Math.min(entries.length, next + NAMES_PER_CHECK);
        for (; next < stop; next++) add(entries[next]);
        if (next < entries.length && now() >= deadline) return false;
      }
      if (!Number.isFinite(index.minFirstLength)) index.minFirstLength = 0;
      if (misspellingExclusions) index.misspellings = lazily(() => compileMisspellingIndex(entries, misspellingExclusions));
      done = true;
      return true;
    },
  };
}

function sameTarget(a: NameTarget, b: NameTarget): boolean {
  return a.drug === b.drug && a.exactTokens?.join(' ') === b.exactTokens?.join(' ') && a.context === b.context;
}

function lazily<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
