/**
 * The knowledge-base schema: one record per drug (`data/drugs/<id>.json`),
 * drug classes (`data/classes/*.json`) and other interaction targets that have
 * no record of their own (`data/agents/*.json`). `data/README.md` explains each
 * field for authors; this module is the single source of truth that the build,
 * the command-line tools and the tests validate against.
 */
import { z } from 'zod';

/** Lower-case kebab-case identifier, e.g. `baclofen`, `amphetamine-dextroamphetamine`. */
export const idSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case kebab-case (a-z, 0-9, single hyphens)');

const text = z.string().trim().min(1, 'must not be empty');

import { SEVERITIES } from './severity';

export { SEVERITIES, type Severity } from './severity';

/**
 * How a name may be matched on a page.
 * - `any-case` (default): `baclofen`, `Baclofen`, `BACLOFEN`.
 * - `exact-case`: only exactly as written, for names that are also ordinary
 *   words or abbreviations in other casings (e.g. a brand spelled like a word).
 * - `none`: a known name that is never highlighted (too ambiguous); still
 *   searchable and accepted by the command-line tools.
 */
export const MATCH_MODES = ['any-case', 'exact-case', 'none'] as const;
export type MatchMode = (typeof MATCH_MODES)[number];

export const ALIAS_KINDS = [
  'brand', // a brand currently marketed
  'past-brand', // a discontinued but still-searched brand
  'international', // INN/BAN spelling used outside the US (paracetamol, salbutamol)
  'salt', // a salt or ester form people write (metoprolol succinate)
  'abbreviation', // a clinical abbreviation (HCTZ)
  'other', // other common spellings
] as const;

export type AliasKind = (typeof ALIAS_KINDS)[number];

export const aliasSchema = z.strictObject({
  name: text,
  kind: z.enum(ALIAS_KINDS),
  /** Where the name is used: US, UK, or elsewhere. Informational. */
  region: z.enum(['US', 'UK', 'US/UK', 'international']).optional(),
  match: z.enum(MATCH_MODES).optional(),
  /**
   * The name really belongs to more than one record (the same brand for
   * different medicines in different countries, say). Every record that uses
   * it must say so. An ambiguous name is never highlighted, because we cannot
   * tell which medicine a page means, and a tool given it asks which one.
   */
  ambiguous: z.literal(true).optional(),
  /**
   * `medical`: the name is also an ordinary word or another thing (lithium in
   * batteries, iron, Allegra as a given name), so it is highlighted only where
   * the text around it reads as medical (see `drugs/medical-context.ts`).
   */
  context: z.literal('medical').optional(),
});
export type Alias = z.infer<typeof aliasSchema>;

export const interactionSchema = z.strictObject({
  /** Id of a drug record, a class (`data/classes/`) or an agent (`data/agents/`). */
  with: idSchema,
  severity: z.enum(SEVERITIES),
  /** What happens, in plain words. */
  effect: text,
  /** What the reader should do about it. */
  action: text,
  /**
   * The rule holds only at one dose of a drug on either side: the id of one of
   * that drug record's `doses` (low-dose aspirin, say). Readers see the dose's
   * label with the rule.
   */
  dose: idSchema.optional(),
});
export type InteractionRule = z.infer<typeof interactionSchema>;

export const benefitSchema = z.strictObject({
  text,
  /** True for uses that are not in the FDA-approved labeling. */
  offLabel: z.boolean(),
});
export type Benefit = z.infer<typeof benefitSchema>;

export const risksSchema = z.strictObject({
  /** Boxed ("black box") warnings from the US labeling; empty if none. */
  boxedWarnings: z.array(text),
  common: z.array(text).min(1, 'list at least one common side effect'),
  /** Serious risks, each with the warning signs a reader should act on. */
  serious: z.array(text).min(1, 'list at least one serious risk'),
  /** Who should not take it (contraindications). */
  avoidIf: z.array(text),
  pregnancy: text,
  breastfeeding: text,
  overdose: text.optional(),
  withdrawal: text.optional(),
});
export type Risks = z.infer<typeof risksSchema>;

const ALLOWED_SOURCE_URL =
  /^https:\/\/(medlineplus\.gov\/druginfo\/meds\/a\d{6}\.html|www\.nhs\.uk\/medicines\/[a-z0-9-]+(\/[a-z0-9-]+)*\/?|dailymed\.nlm\.nih\.gov\/dailymed\/search\.cfm\?labeltype=all&query=[A-Za-z0-9%+.-]+)$/;

export const sourceSchema = z.strictObject({
  title: text,
  url: z.string().regex(ALLOWED_SOURCE_URL, 'must be a MedlinePlus drug page, an NHS medicines page or a DailyMed search URL'),
});
export type Source = z.infer<typeof sourceSchema>;

/**
 * One dose range of a drug that behaves differently enough to change its
 * interactions (aspirin for the heart at 75-100 mg a day, aspirin for pain at
 * 300 mg and more). Extra `classes` apply only at this dose.
 */
export const doseSchema = z.strictObject({
  id: idSchema,
  /** How readers see it, e.g. "low-dose aspirin (75 to 100 mg a day, for the heart)". */
  label: text,
  /** Classes the drug belongs to only at this dose (aspirin is an NSAID at pain-relief doses). */
  classes: z.array(idSchema).optional(),
});
export type Dose = z.infer<typeof doseSchema>;

export const reviewNoteSchema = z.strictObject({
  fact: text,
  settled: text,
});

export const drugRecordSchema = z.strictObject({
  id: idSchema,
  /** Display name: the generic name, e.g. "Baclofen". */
  name: text,
  aliases: z.array(aliasSchema),
  /**
   * Phrases that contain one of this record's names but name something else:
   * "ethinyl estradiol" is not estradiol. Such a phrase on a page is not
   * highlighted as this record (a longer name of another record still is).
   */
  notPartOf: z.array(text).optional(),
  /** Like an alias's `context`: the display name itself is highlighted only in medical text. */
  nameContext: z.literal('medical').optional(),
  /**
   * For a record that stands for a family people name without a member
   * ("insulin"): the kinds, each with the records that belong to it, shown as
   * links. Ids must be drug records.
   */
  kinds: z.array(z.strictObject({ label: text, drugs: z.array(idSchema).min(1, 'name at least one record') })).optional(),
  /** For combination products: names of the ingredients (linked when they have records). */
  ingredients: z.array(text).optional(),
  /** Human-readable class, e.g. "Muscle relaxant (GABA-B agonist)". */
  drugClass: text,
  /** Ids of classes in `data/classes/` this drug belongs to (interaction rules reach it through them). */
  classes: z.array(idSchema),
  /** Dose ranges whose interactions differ; see `doseSchema`. Rules may name one with `dose`. */
  doses: z.array(doseSchema).optional(),
  /** One line: what it is and what it is for. */
  summary: text,
  benefits: z.array(benefitSchema).min(1, 'list at least one use'),
  risks: risksSchema,
  interactions: z.array(interactionSchema),
  /**
   * What the labeling says when it lists no interactions of clinical importance
   * ("No clinically important interactions are known."). Shown instead of an
   * empty list, so "none known" is a stated fact, not a gap.
   */
  interactionsNote: text.optional(),
  sources: z.array(sourceSchema).min(1, 'cite at least one source'),
  /** ISO date of the last content review. */
  reviewed: z.iso.date(),
  /** For reviewers, not shown to readers: the (at least three) facts the author was least sure of and how they were settled. */
  reviewNotes: z.array(reviewNoteSchema).min(3, 'give the three facts you were least sure of'),
});
export type DrugRecord = z.infer<typeof drugRecordSchema>;

export const classRecordSchema = z.strictObject({
  id: idSchema,
  /** Plural, readable: "NSAIDs (anti-inflammatory painkillers)". */
  name: text,
  description: text.optional(),
  /**
   * Words people write for the class ("MAO inhibitors", "MAOIs", "nitrates"):
   * used to find classes named in a record's text (contraindications) and in search.
   */
  aliases: z.array(text).optional(),
  /**
   * Members do the same job, so taking two of them is doubling one treatment
   * (two NSAIDs, two blood thinners): the checker lists such pairs as
   * duplicates. Classes grouped by a shared effect (drowsiness, serotonin, the
   * QT interval) are not: their members are different medicines whose effects add up.
   */
  duplicateTherapy: z.literal(true).optional(),
  /** Sub-classes whose members also belong to this class. */
  includes: z.array(idSchema).optional(),
  /** Rules that apply to every member of the class. */
  interactions: z.array(interactionSchema).optional(),
});
export type ClassRecord = z.infer<typeof classRecordSchema>;

export const AGENT_KINDS = ['drug', 'substance', 'food', 'supplement', 'procedure'] as const;

/** An interaction target without a full record: a drug not yet covered, alcohol, grapefruit... */
export const agentSchema = z.strictObject({
  id: idSchema,
  name: text,
  kind: z.enum(AGENT_KINDS),
  /**
   * Other names (brands, international names) so that the command-line tools and
   * the interaction checker resolve them. Agents are never highlighted on pages:
   * there is no record to show.
   */
  aliases: z.array(aliasSchema.pick({ name: true, kind: true, region: true })).optional(),
  classes: z.array(idSchema).optional(),
  /**
   * Rules between this agent and other agents (digoxin + amiodarone), until the
   * agent gets a record of its own; the record must then carry them.
   */
  interactions: z.array(interactionSchema).optional(),
});
export type Agent = z.infer<typeof agentSchema>;

export const classesFileSchema = z.strictObject({ classes: z.array(classRecordSchema) });
export const agentsFileSchema = z.strictObject({ agents: z.array(agentSchema) });

/** `data/misspelling-exclusions.json`: English words never taken for misspellings. */
export const misspellingExclusionsSchema = z.strictObject({
  about: text,
  words: z.array(z.string().regex(/^\p{Ll}+$/u, 'must be one lower-case word')),
});
