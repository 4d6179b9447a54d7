/**
 * The interaction checker behind the popup and the side panel: given a list
 * of medicines (and foods, alcohol, supplements), every interaction among them
 * grouped as drug-drug, drug-other (food, alcohol, supplement, substance) and
 * duplicates (the same medicine or ingredient twice, two of a class that
 * should not be doubled), most severe first.
 *
 * The interactions come from the resolver (`interactions.ts`), so the text and
 * grade are the ones the popover shows. This module only adds what a list of
 * several medicines reveals: the same medicine under two names, and two
 * products that share an ingredient, which no rule needs to be written for.
 */
import { severityRank, type InteractionResolver, type PairInteraction, type RuleAdvice } from './interactions';
import type { KnowledgeBase } from './knowledge-base';
import { createNameResolver } from './name-entries';
import { nameKey } from './name-index';
import type { Severity } from './severity';

export type CheckGroup = 'drug-drug' | 'drug-other' | 'duplicate';

/** One item of the list being checked. */
export type CheckItem = {
  /** Record or agent id. */
  id: string;
  /** The names the reader used or the page showed for it ("Advil", "ibuprofen"), if known. */
  names?: string[];
};

export type CheckFinding = {
  group: CheckGroup;
  /** The two ids, sorted; for a single medicine under two names, the same id twice. */
  drugs: [string, string];
  severity: Severity;
  /** What happens, in plain words. */
  summary: string;
  /** What to do. */
  action: string;
  dose?: RuleAdvice['dose'];
  /** Other distinct rules for the pair, most severe first. */
  also: RuleAdvice[];
  /** For duplicates: why ("same-medicine", "same-ingredient", "same-class"), and the shared ingredient's name. */
  duplicate?: { reason: 'same-medicine' | 'same-ingredient' | 'same-class'; ingredient?: string };
};

/** At equal severity, duplicates first: stopping one of two is the simplest fix, and doubling risks an overdose. */
const GROUP_ORDER: readonly CheckGroup[] = ['duplicate', 'drug-drug', 'drug-other'];

/** Taking one ingredient twice risks an overdose of it, whatever the ingredient. */
const SAME_INGREDIENT_SEVERITY: Severity = 'major';
const SAME_MEDICINE_SEVERITY: Severity = 'major';

type Side = {
  name: string;
  /** A food, substance, supplement or procedure (an agent whose kind is not 'drug'). */
  notDrug: boolean;
  /** A record that lists `ingredients`. */
  combination: boolean;
  /** Ingredient key (an id, or `name:` and the words of a name no id answers to) to its name. */
  ingredients: Map<string, string>;
};

/** What the checker needs to know about each drug and agent; built once per knowledge base. */
type CheckIndex = {
  sides: Map<string, Side>;
  /** Classes of medicines that do the same job (data: `duplicateTherapy`); see drugs/schema.ts. */
  duplicateClasses: Set<string>;
};

const indexCache = new WeakMap<KnowledgeBase, CheckIndex>();

function indexOf(kb: KnowledgeBase): CheckIndex {
  const cached = indexCache.get(kb);
  if (cached) return cached;
  const resolve = createNameResolver(kb);
  const sides = new Map<string, Side>();
  for (const a of kb.agents) {
    sides.set(a.id, { name: a.name, notDrug: a.kind !== 'drug', combination: false, ingredients: new Map([[a.id, a.name]]) });
  }
  for (const d of kb.drugs) {
    // A combination's ingredients, keyed by the id they resolve to, so
    // "acetaminophen" in Percocet meets the acetaminophen record. A name with
    // no single record or agent is keyed by its own words, so two combinations
    // that share it still meet.
    const combination = !!d.ingredients?.length;
    const ingredients = combination
      ? new Map(
          d.ingredients!.map((name) => {
            const found = resolve(name);
            return [found.kind === 'found' ? found.id : `name:${nameKey(name)}`, name] as const;
          }),
        )
      : new Map([[d.id, d.name]]);
    sides.set(d.id, { name: d.name, notDrug: false, combination, ingredients });
  }
  const index = { sides, duplicateClasses: new Set(kb.classes.filter((c) => c.duplicateTherapy).map((c) => c.id)) };
  indexCache.set(kb, index);
  return index;
}

/** A generic name as it reads inside a sentence: "Acetaminophen" becomes "acetaminophen", "APAP" stays. */
const inSentence = (name: string): string => (/^\p{Lu}[^\p{Lu}\s]*(\s|$)/u.test(name) ? name[0].toLowerCase() + name.slice(1) : name);

/** "a", "a and b", "a, b and c". */
const listOf = (words: readonly string[]): string =>
  words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;

const bySeverity = (a: { severity: Severity }, b: { severity: Severity }) => severityRank(a.severity) - severityRank(b.severity);

const mostSevere = (a: Severity, b: Severity): Severity => (severityRank(a) <= severityRank(b) ? a : b);

export function checkMedications(kb: KnowledgeBase, resolver: InteractionResolver, items: readonly CheckItem[]): CheckFinding[] {
  const { sides, duplicateClasses } = indexOf(kb);
  // Unknown ids (and class ids, which are not medicines) are left out, never an error:
  // the reader's list may hold a medicine that a newer knowledge base renamed.
  const known = items.filter((item) => sides.has(item.id));
  const ids = [...new Set(known.map((item) => item.id))];

  /** A rule of a class with itself, at any dose, for a class of medicines that do the same job. */
  const isSameClassRule = (r: PairInteraction['rules'][number]) => r.owner === r.with && duplicateClasses.has(r.owner) && !r.dose;

  const findings: CheckFinding[] = [];
  const seen = new Set<string>();

  for (const pair of resolver.between(ids)) {
    seen.add(pair.drugs.join('|'));
    const base = {
      drugs: pair.drugs,
      severity: pair.severity,
      summary: pair.summary,
      action: pair.action,
      ...(pair.dose ? { dose: pair.dose } : {}),
      also: pair.also,
    };
    const shared = sharedIngredients(sides, pair.drugs);
    const sameClass = pair.rules.some(isSameClassRule);
    if (shared.length && sameClass) {
      // The rule already speaks of the doubling (two acetaminophen products): keep its words.
      findings.push({ ...base, group: 'duplicate', duplicate: { reason: 'same-ingredient', ingredient: listOf(shared) } });
    } else if (shared.length) {
      // The rules that join the pair speak of something else (oxycodone with
      // Percocet: "two drowsy medicines"), so the shared ingredient leads and
      // the rules follow under it.
      const ingredient = sameIngredient(pair.drugs, shared);
      findings.push({
        ...ingredient,
        severity: mostSevere(ingredient.severity, pair.severity),
        also: [adviceOf(pair), ...pair.also].sort(bySeverity),
      });
    } else if (sameClass) {
      findings.push({ ...base, group: 'duplicate', duplicate: { reason: 'same-class' } });
    } else {
      const other = pair.drugs.some((id) => sides.get(id)?.notDrug);
      findings.push({ ...base, group: other ? 'drug-other' : 'drug-drug' });
    }
  }

  // Products that share an ingredient but no rule joins (amoxicillin with amoxicillin/clavulanate, say).
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const drugs = [ids[i], ids[j]].sort() as [string, string];
      if (seen.has(drugs.join('|'))) continue;
      const shared = sharedIngredients(sides, drugs);
      if (shared.length) findings.push(sameIngredient(drugs, shared));
    }
  }

  findings.push(...sameMedicine(sides, known));

  return findings.sort(
    (a, b) =>
      bySeverity(a, b) || GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) || a.drugs.join('|').localeCompare(b.drugs.join('|')),
  );
}

/** The names of the ingredients two products share, as a combination's label writes them, in sentence form. */
function sharedIngredients(sides: Map<string, Side>, [a, b]: readonly [string, string]): string[] {
  const x = sides.get(a);
  const y = sides.get(b);
  if (!x || !y) return [];
  const names: string[] = [];
  for (const [key, name] of x.ingredients) {
    const theirs = y.ingredients.get(key);
    // Prefer a combination's own word ("acetaminophen") to a record's display name.
    if (theirs !== undefined) names.push(inSentence(x.combination || !y.combination ? name : theirs));
  }
  return names.sort();
}

function sameIngredient(drugs: [string, string], shared: string[]): CheckFinding {
  const ingredient = listOf(shared);
  return {
    group: 'duplicate',
    drugs,
    severity: SAME_INGREDIENT_SEVERITY,
    summary: `Both contain ${ingredient}. Taking both can add up to more than the safe amount.`,
    action: `Take only one product that contains ${ingredient} unless your prescriber says otherwise; check labels.`,
    also: [],
    duplicate: { reason: 'same-ingredient', ingredient },
  };
}

/** The pair's own headline, as one more piece of advice under another finding. */
function adviceOf(pair: PairInteraction): RuleAdvice {
  const advice: RuleAdvice = { severity: pair.ruleSeverity, effect: pair.summary, action: pair.action };
  return pair.dose ? { ...advice, dose: pair.dose } : advice;
}

/**
 * One medicine listed under names that differ beyond case and spacing ("Advil"
 * from the page, "ibuprofen" from My medications): the reader may not know
 * they are the same and take both. Foods and substances are left out
 * (grapefruit and grapefruit juice are not a double dose of anything).
 */
function sameMedicine(sides: Map<string, Side>, items: readonly CheckItem[]): CheckFinding[] {
  const namesById = new Map<string, Map<string, string>>();
  for (const item of items) {
    const names = namesById.get(item.id) ?? new Map<string, string>();
    for (const name of item.names ?? []) {
      const key = nameKey(name);
      if (key && !names.has(key)) names.set(key, name.trim());
    }
    namesById.set(item.id, names);
  }
  const findings: CheckFinding[] = [];
  for (const [id, names] of namesById) {
    const side = sides.get(id);
    if (!side || side.notDrug || names.size < 2) continue;
    findings.push({
      group: 'duplicate',
      drugs: [id, id],
      severity: SAME_MEDICINE_SEVERITY,
      summary: `${listOf([...names.values()])} are the same medicine (${inSentence(side.name)}).`,
      action: 'Take only one of them; together they double the dose.',
      also: [],
      duplicate: { reason: 'same-medicine' },
    });
  }
  return findings;
}
