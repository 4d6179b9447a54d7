/**
 * Search over the whole knowledge base for the side panel: names (generic,
 * brand, international), likely misspellings, and conditions or uses
 * ("spasticity", "heartburn", "blood thinner"). Built on MiniSearch.
 *
 * Two indexes, because names and uses are searched differently:
 * - `names`: one small document per name (display name or alias), so a hit
 *   says which alias matched and a long list of brands does not dilute the
 *   score of each one;
 * - `uses`: one document per record or agent with what it is for (summary,
 *   benefits, class in words, the names and aliases of the classes it belongs
 *   to, directly or through `includes`), and one short document per benefit
 *   naming its condition. `reviewNotes` and risks are not indexed: a search
 *   for a condition should find what treats it, not what warns about it.
 *
 * Ranking: a name matched exactly or as a prefix of what is being typed comes
 * first; then fuzzy name matches and use matches by score, names weighted
 * well above uses; records before agents on equal scores.
 */
import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import { computeMembership } from './class-membership';
import type { KnowledgeBase } from './knowledge-base';

/** One search result. */
export type SearchHit = {
  /** Record or agent id. */
  id: string;
  /** Display name ("Baclofen", "Alcohol"). */
  name: string;
  /** `drug` for a record (has a full page), `agent` for an interaction partner without one. */
  kind: 'drug' | 'agent';
  /** Class in words for records; the agent's kind for agents ("food", "supplement", "drug"). */
  drugClass: string;
  /** What matched, when it is not the display name: "Lioresal", "spasticity". */
  matched?: string;
};

export type DrugSearch = {
  /** Best first; empty for a blank query. */
  search(query: string, limit?: number): SearchHit[];
};

const DEFAULT_LIMIT = 20;

/** A name match outweighs a use match of similar strength: names are what people mostly type. */
const NAME_WEIGHT = 4;

/** Use fields by how directly they say what a medicine is for. */
const USE_BOOSTS = {
  condition: 3,
  drugClass: 1.5,
  classes: 1.5,
  summary: 1,
  description: 1,
  benefits: 0.7,
  // Broad classes reached through `includes` ("Medicines that cause drowsiness"): true, but vague.
  broaderClasses: 0.5,
};

/**
 * Prefix matches score a little under exact ones; fuzzy matches well under,
 * so a misspelling never outranks a word typed correctly.
 */
const WEIGHTS = { prefix: 0.6, fuzzy: 0.3 };

/** Shortest word searched in uses as a prefix (see `run`). */
const MIN_USE_PREFIX = 3;

/**
 * Classes that exist to grade interactions rather than to say what their
 * members are: "Medicines whose labeling forbids MAO inhibitors" must not make
 * a search for "MAO inhibitors" list SSRIs.
 */
const NOT_A_USE_CLASSES = new Set(['maoi-contraindicated']);

/**
 * Words too common to tell medicines apart; dropped from the indexes and from
 * queries, so "the" or "and" does not match every summary.
 */
const STOP_WORDS = new Set(
  (
    'a an and are as at be by can for from has have if in into is it its may not of on or so such than that the their them ' +
    'then there these they this those to was were when which who will with you your'
  ).split(' '),
);

/** Apostrophes vanish ("St John's" = "St Johns"); other punctuation and spaces separate words. */
function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '');
}

function words(text: string): string[] {
  return normalize(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Index-time tokens: the words, plus each hyphenated name written solid
 * ("Toprol-XL" is also "toprolxl"), for people who leave the hyphen out.
 */
function indexTokens(text: string): string[] {
  const joined = normalize(text)
    .split(/\s+/)
    .filter((chunk) => chunk.includes('-'))
    .map((chunk) => chunk.replace(/[^\p{L}\p{N}]/gu, ''));
  return [...words(text), ...joined.filter(Boolean)];
}

const keepTerm = (term: string) => (STOP_WORDS.has(term) ? null : term);

/** Misspellings only for words long enough to tell apart: about one edit per five letters. */
const fuzzyFor = (term: string) => (term.length >= 4 ? 0.2 : false);

type NameDoc = { key: string; entity: string; text: string; display: boolean };
/** One per record or agent (what it is), and one per benefit (the condition it treats). */
type UseDoc = { key: string; entity: string } & Partial<Record<keyof typeof USE_BOOSTS, string>>;
type Entity = Omit<SearchHit, 'matched'>;

/**
 * The condition a benefit is for: its opening words ("High blood pressure
 * (hypertension) in adults..." -> "High blood pressure"). Indexed as a short
 * document of its own, so a medicine used for the condition outranks one that
 * mentions it in passing or treats a longer-named one ("High blood pressure in
 * the arteries of the lungs").
 */
function conditionOf(benefit: string): string {
  return benefit.split(/[(:;]|\.\s/, 1)[0];
}

/** An agent's name often carries a description: "Caffeine (coffee, tea, ...)". Head is the name. */
function splitAgentName(name: string): { head: string; rest: string } {
  const cut = name.indexOf(' (');
  return cut > 0 ? { head: name.slice(0, cut), rest: name.slice(cut + 1) } : { head: name, rest: '' };
}

export function createDrugSearch(kb: KnowledgeBase): DrugSearch {
  const entities = new Map<string, Entity>();
  const nameDocs: NameDoc[] = [];
  const useDocs: UseDoc[] = [];
  const addName = (entity: string, text: string, display: boolean) =>
    nameDocs.push({ key: `${entity}#${nameDocs.length}`, entity, text, display });

  // Single-word names of anything searchable: a class name's examples ("such
  // as amlodipine, nifedipine") would otherwise make a search for one member
  // list the others, as if they were the same medicine.
  const nameWords = new Set<string>();
  const noteName = (name: string) => {
    const w = words(name);
    if (w.length === 1) nameWords.add(w[0]);
  };
  for (const d of kb.drugs) [d.name, ...d.aliases.map((a) => a.name)].forEach(noteName);
  for (const a of kb.agents) [splitAgentName(a.name).head, ...(a.aliases ?? []).map((x) => x.name)].forEach(noteName);

  const classText = new Map(
    kb.classes.map((c) => {
      const name = c.name.replace(/\bsuch as [^)]*/gi, ' ');
      const kept = words(name).filter((w) => !nameWords.has(w));
      return [c.id, [kept.join(' '), ...(c.aliases ?? [])].join('; ')];
    }),
  );
  const membership = computeMembership(kb);
  /** Class names split by distance: the classes listed on the entity, and those reached through `includes`. */
  const classesOf = (id: string) => {
    const m = membership.get(id);
    const reach = new Map<string, number>();
    for (const r of [m?.base, ...(m?.doses ?? []).map((d) => d.reach)]) {
      for (const [cls, distance] of r ?? []) if (distance > 0) reach.set(cls, Math.min(distance, reach.get(cls) ?? Infinity));
    }
    const at = (near: boolean) =>
      [...reach]
        .filter(([cls, distance]) => !NOT_A_USE_CLASSES.has(cls) && (distance === 1) === near)
        .map(([cls]) => classText.get(cls) ?? '')
        .join('; ');
    return { classes: at(true), broaderClasses: at(false) };
  };

  for (const d of kb.drugs) {
    entities.set(d.id, { id: d.id, name: d.name, kind: 'drug', drugClass: d.drugClass });
    addName(d.id, d.name, true);
    for (const alias of d.aliases) addName(d.id, alias.name, false);
    d.benefits.forEach((b, i) => useDocs.push({ key: `${d.id}#${i}`, entity: d.id, condition: conditionOf(b.text) }));
    useDocs.push({
      key: d.id,
      entity: d.id,
      summary: d.summary,
      benefits: d.benefits.map((b) => b.text).join('\n'),
      drugClass: d.drugClass,
      ...classesOf(d.id),
    });
  }
  for (const a of kb.agents) {
    entities.set(a.id, { id: a.id, name: a.name, kind: 'agent', drugClass: a.kind });
    const { head, rest } = splitAgentName(a.name);
    addName(a.id, head, true);
    for (const alias of a.aliases ?? []) addName(a.id, alias.name, false);
    useDocs.push({ key: a.id, entity: a.id, description: rest, drugClass: a.kind, ...classesOf(a.id) });
  }

  const names = new MiniSearch<NameDoc>({
    idField: 'key',
    fields: ['text'],
    storeFields: ['entity', 'text', 'display'],
    tokenize: indexTokens,
    processTerm: keepTerm,
  });
  names.addAll(nameDocs);
  const uses = new MiniSearch<UseDoc>({
    idField: 'key',
    fields: Object.keys(USE_BOOSTS),
    storeFields: ['entity'],
    tokenize: words,
    processTerm: keepTerm,
  });
  uses.addAll(useDocs);

  type Scored = { entity: Entity; byName: boolean; exactName: boolean; score: number; matched?: string };

  function run(terms: string[], combineWith: 'AND' | 'OR', namesOnly: boolean): Map<string, Scored> {
    const last = terms.length - 1;
    const options: SearchOptions = {
      combineWith,
      prefix: (_t, i) => i === last,
      fuzzy: fuzzyFor,
      weights: WEIGHTS,
      // The query is already split and filtered; keep it as it is.
      tokenize: (q) => q.split(' '),
      processTerm: (t) => t,
    };
    const query = terms.join(' ');
    const scored = new Map<string, Scored>();
    for (const r of names.search(query, options)) {
      const entity = entities.get(r.entity as string)!;
      const exactName = terms.every((t) => r.terms.some((dt) => dt.startsWith(t)));
      const score = r.score * NAME_WEIGHT;
      const matched = r.display ? undefined : (r.text as string);
      const prev = scored.get(entity.id);
      if (!prev || (exactName && !prev.exactName)) {
        scored.set(entity.id, { entity, byName: true, exactName, score, matched });
      } else if (exactName === prev.exactName) {
        // Among equally good matches the display name is the one to show: a
        // rare alias ("amoxycillin") can outscore it only because it is rare.
        const showDisplay = prev.matched === undefined || r.display;
        if (score > prev.score) Object.assign(prev, { score, matched });
        if (showDisplay) prev.matched = undefined;
      }
    }
    if (namesOnly) return scored;
    // Uses are searched by prefix only from the third letter: "a" or "hy" is
    // the start of a name far more often than of a condition, and as prefixes
    // of the uses' whole vocabulary they cost 8-10 ms a keystroke (issue 11).
    // A short word still matches uses exactly ("MS", "ED").
    const usePrefix = (t: string, i: number) => i === last && t.length >= MIN_USE_PREFIX;
    for (const r of uses.search(query, { ...options, prefix: usePrefix, boost: USE_BOOSTS })) {
      // A medicine found by name often mentions itself in its summary; that
      // adds nothing, so the best match counts, and a name stays what is shown.
      const id = r.entity as string;
      const prev = scored.get(id);
      if (!prev)
        scored.set(id, { entity: entities.get(id)!, byName: false, exactName: false, score: r.score, matched: matchedWords(terms, r) });
      else if (r.score > prev.score)
        Object.assign(prev, prev.byName ? { score: r.score } : { score: r.score, matched: matchedWords(terms, r) });
    }
    return scored;
  }

  return {
    search(query, limit = DEFAULT_LIMIT) {
      const all = words(query);
      if (!all.length) return [];
      const terms = all.filter((t) => !STOP_WORDS.has(t));
      // Only common words so far ("the", "as"): they may be the start of a
      // name being typed ("theophylline", "aspirin"), but never a use.
      let found = terms.length ? run(terms, 'AND', false) : run([all[all.length - 1]], 'AND', true);
      // Every word must match, unless that finds nothing ("zoloft tablets").
      if (!found.size && terms.length > 1) found = run(terms, 'OR', false);
      return [...found.values()]
        .sort(
          (a, b) =>
            Number(b.exactName) - Number(a.exactName) ||
            b.score - a.score ||
            (a.entity.kind === b.entity.kind ? 0 : a.entity.kind === 'drug' ? -1 : 1) ||
            a.entity.name.localeCompare(b.entity.name),
        )
        .slice(0, limit)
        .map(({ entity, matched }) => (matched ? { ...entity, matched } : { ...entity }));
    },
  };
}

/** The words of the text that matched, in query order ("blood thinner", "spasticity"). */
function matchedWords(terms: string[], r: SearchResult): string {
  const left = [...r.terms];
  const picked: string[] = [];
  for (const t of terms) {
    // Exactly, else as a prefix, else the first left (a fuzzy match).
    const exact = left.indexOf(t);
    const at =
      exact >= 0
        ? exact
        : Math.max(
            0,
            left.findIndex((dt) => dt.startsWith(t)),
          );
    if (left.length) picked.push(...left.splice(at, 1));
  }
  return picked.join(' ');
}
