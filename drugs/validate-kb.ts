/**
 * Validates the knowledge-base source files and assembles them. Pure: it takes
 * file contents, so the build, the command-line tools and the tests share it.
 * Every problem is reported with its file and field; all problems are
 * collected before failing so one build run shows them all.
 */
import type { z } from 'zod';
import type { KnowledgeBase } from './knowledge-base';
import { nameKey } from './name-index';
import { agentsFileSchema, classesFileSchema, drugRecordSchema, type Agent, type ClassRecord, type DrugRecord } from './schema';

export type SourceFile = { path: string; text: string };

export type KbSources = {
  drugs: SourceFile[];
  /** `data/classes/*.json`, each `{ "classes": [...] }`. */
  classes: SourceFile[];
  /** `data/agents/*.json`, each `{ "agents": [...] }`. */
  agents: SourceFile[];
};

/** The validated knowledge base, plus what the validator noticed but did not reject. */
export type ValidationNotes = {
  /** Agents that a drug record of the same id now replaces: safe to delete from data/agents. */
  supersededAgents: string[];
};

export type KbProblem = { file: string; field: string; message: string };

export class KbValidationError extends Error {
  constructor(readonly problems: KbProblem[]) {
    super(
      `Knowledge base is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems
        .map((p) => `  ${p.file}: ${p.field}: ${p.message}`)
        .join('\n')}`,
    );
    this.name = 'KbValidationError';
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.length
    ? path
        .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
        .join('.')
        .replace(/\.\[/g, '[')
    : '(root)';
}

function parse<T>(file: SourceFile, schema: z.ZodType<T>, problems: KbProblem[]): T | undefined {
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (error) {
    problems.push({ file: file.path, field: '(file)', message: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file: file.path, field: fieldPath(issue.path), message: issue.message });
    }
    return undefined;
  }
  return result.data;
}

function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
}

/** Validates and assembles the knowledge base, or throws `KbValidationError`. */
export function validateKnowledgeBase(sources: KbSources, notes?: ValidationNotes): KnowledgeBase {
  const problems: KbProblem[] = [];
  type Located<T> = { file: string; field: string; item: T };
  const classes: Located<ClassRecord>[] = sources.classes.flatMap((file) =>
    (parse(file, classesFileSchema, problems)?.classes ?? []).map((item, i) => ({ file: file.path, field: `classes[${i}]`, item })),
  );
  const allAgents: Located<Agent>[] = sources.agents.flatMap((file) =>
    (parse(file, agentsFileSchema, problems)?.agents ?? []).map((item, i) => ({ file: file.path, field: `agents[${i}]`, item })),
  );
  const drugs: { file: string; record: DrugRecord }[] = [];
  for (const file of sources.drugs) {
    const record = parse(file, drugRecordSchema, problems);
    if (!record) continue;
    if (record.id !== baseName(file.path)) {
      problems.push({ file: file.path, field: 'id', message: `"${record.id}" must equal the file name "${baseName(file.path)}"` });
    }
    drugs.push({ file: file.path, record });
  }

  // A drug record supersedes an agent with the same id (a drug that was only an
  // interaction target now has a full record), provided it keeps the agent's classes.
  const drugById = new Map(drugs.map((d) => [d.record.id, d]));
  const agents = allAgents.filter(({ file, field, item }) => {
    const record = drugById.get(item.id);
    if (!record) return true;
    const lost = (item.classes ?? []).filter((c) => !record.record.classes.includes(c));
    if (lost.length) {
      problems.push({
        file: record.file,
        field: 'classes',
        message: `must keep the classes the agent "${item.id}" had (${file} ${field}): missing ${lost.join(', ')}`,
      });
    }
    if (item.interactions?.length) {
      problems.push({
        file,
        field: `${field}.interactions`,
        message: `the record data/drugs/${item.id}.json replaces this agent: move its interaction rules to the record, then delete the agent`,
      });
    }
    notes?.supersededAgents.push(item.id);
    return false;
  });

  // Ids are one namespace: an interaction target names a drug, class or agent unambiguously.
  const owners = new Map<string, string>();
  const claim = (id: string, file: string, field: string) => {
    const previous = owners.get(id);
    if (previous) problems.push({ file, field, message: `duplicate id "${id}" (already defined in ${previous})` });
    else owners.set(id, file);
  };
  classes.forEach(({ file, field, item }) => claim(item.id, file, `${field}.id`));
  agents.forEach(({ file, field, item }) => claim(item.id, file, `${field}.id`));
  drugs.forEach(({ file, record }) => claim(record.id, file, 'id'));

  const classIds = new Set(classes.map((c) => c.item.id));
  const checkClassRefs = (ids: string[] | undefined, file: string, field: string) =>
    ids?.forEach((id, i) => {
      if (!classIds.has(id)) problems.push({ file, field: `${field}[${i}]`, message: `unknown class "${id}"` });
    });
  const checkTargets = (owner: string, rules: { with: string }[] | undefined, file: string, field: string) =>
    rules?.forEach((rule, i) => {
      if (!owners.has(rule.with)) {
        problems.push({
          file,
          field: `${field}[${i}].with`,
          message: `unknown interaction target "${rule.with}" (not a drug, class or agent id)`,
        });
      } else if (rule.with === owner && !classIds.has(owner)) {
        problems.push({ file, field: `${field}[${i}].with`, message: 'a drug cannot interact with itself' });
      }
    });

  classes.forEach(({ file, field, item }) => {
    checkClassRefs(item.includes, file, `${field}.includes`);
    checkTargets(item.id, item.interactions, file, `${field}.interactions`);
  });
  agents.forEach(({ file, field, item }) => {
    checkClassRefs(item.classes, file, `${field}.classes`);
    checkTargets(item.id, item.interactions, file, `${field}.interactions`);
  });
  for (const { file, record } of drugs) {
    checkClassRefs(record.classes, file, 'classes');
    record.doses?.forEach((dose, i) => checkClassRefs(dose.classes, file, `doses[${i}].classes`));
    checkTargets(record.id, record.interactions, file, 'interactions');
  }
  const drugIds = new Set(drugs.map((d) => d.record.id));
  for (const { file, record } of drugs) {
    record.kinds?.forEach((kind, i) =>
      kind.drugs.forEach((id, j) => {
        if (!drugIds.has(id)) problems.push({ file, field: `kinds[${i}].drugs[${j}]`, message: `"${id}" is not a drug record` });
      }),
    );
  }
  checkDoses(drugs, classes, agents, problems);
  checkClassCycles(classes, problems);
  checkNames(drugs, agents, problems);

  if (problems.length) throw new KbValidationError(problems);
  return {
    drugs: drugs.map((d) => d.record).sort((a, b) => a.id.localeCompare(b.id)),
    classes: classes.map((c) => c.item),
    agents: agents.map((a) => a.item),
  };
}

/**
 * A rule's `dose` must be a dose of a drug record on one side of the rule (its
 * owner or its target), and dose ids are unique within a record.
 */
function checkDoses(
  drugs: { file: string; record: DrugRecord }[],
  classes: { file: string; field: string; item: ClassRecord }[],
  agents: { file: string; field: string; item: Agent }[],
  problems: KbProblem[],
) {
  const dosesOf = new Map(drugs.map((d) => [d.record.id, new Set((d.record.doses ?? []).map((x) => x.id))]));
  for (const { file, record } of drugs) {
    const ids = (record.doses ?? []).map((d) => d.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) problems.push({ file, field: `doses[${i}].id`, message: `duplicate dose id "${id}"` });
    });
  }
  const check = (owner: string, rules: { with: string; dose?: string }[] | undefined, file: string, field: string) =>
    rules?.forEach((rule, i) => {
      if (!rule.dose) return;
      const sides = [owner, rule.with].filter((id) => dosesOf.get(id)?.has(rule.dose!));
      if (sides.length === 0) {
        problems.push({ file, field: `${field}[${i}].dose`, message: `"${rule.dose}" is not a dose of "${owner}" or "${rule.with}"` });
      }
    });
  for (const { file, record } of drugs) check(record.id, record.interactions, file, 'interactions');
  for (const { file, field, item } of classes) check(item.id, item.interactions, file, `${field}.interactions`);
  for (const { file, field, item } of agents) check(item.id, item.interactions, file, `${field}.interactions`);
}

function checkClassCycles(classes: { file: string; item: ClassRecord }[], problems: KbProblem[]) {
  const includes = new Map(classes.map((c) => [c.item.id, c.item.includes ?? []]));
  const fileOf = new Map(classes.map((c) => [c.item.id, c.file]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      problems.push({
        file: fileOf.get(id) ?? '(classes)',
        field: `classes(${id}).includes`,
        message: `class inclusion cycle: ${[...trail, id].join(' -> ')}`,
      });
      return;
    }
    state.set(id, 'visiting');
    for (const child of includes.get(id) ?? []) visit(child, [...trail, id]);
    state.set(id, 'done');
  };
  for (const c of classes) visit(c.item.id, []);
}

/**
 * A name may point to one record only, unless every record that uses it marks
 * it `ambiguous`. Names are compared as the matcher sees them
 * (case-insensitive, punctuation between words ignored), and an `exact-case`
 * name still collides with the same words elsewhere: either way a reader
 * could not tell which drug was meant.
 */
function checkNames(
  drugs: { file: string; record: DrugRecord }[],
  agents: { file: string; field: string; item: Agent }[],
  problems: KbProblem[],
) {
  type Use = { drug: string; file: string; field: string; ambiguous: boolean };
  const seen = new Map<string, Use[]>();
  for (const { file, record } of drugs) {
    const names: [string, string, boolean][] = [
      [record.name, 'name', false],
      ...record.aliases.map((a, i): [string, string, boolean] => [a.name, `aliases[${i}].name`, a.ambiguous === true]),
    ];
    for (const [name, field, ambiguous] of names) {
      const key = nameKey(name);
      if (!key) {
        problems.push({ file, field, message: `"${name}" has no letters or digits to match` });
        continue;
      }
      const uses = seen.get(key) ?? [];
      const same = uses.find((u) => u.drug === record.id);
      if (same) {
        problems.push({ file, field, message: `duplicated name "${name}" (same as ${same.field})` });
        continue;
      }
      for (const other of uses) {
        if (ambiguous && other.ambiguous) continue;
        problems.push({
          file,
          field,
          message:
            `ambiguous name "${name}": also a name of "${other.drug}" (${other.file} ${other.field}). ` +
            'If it really names both, mark it "ambiguous": true in both records; otherwise keep it in one.',
        });
      }
      uses.push({ drug: record.id, file, field, ambiguous });
      seen.set(key, uses);
    }
  }
  // A phrase that is "not part of" a record must hold one of its names, and be no record's name.
  for (const { file, record } of drugs) {
    const own = [record.name, ...record.aliases.map((a) => a.name)].map(nameKey);
    record.notPartOf?.forEach((phrase, i) => {
      const key = nameKey(phrase);
      const field = `notPartOf[${i}]`;
      const named = seen.get(key)?.[0];
      if (named)
        problems.push({
          file,
          field,
          message: `"${phrase}" is a name of "${named.drug}" (${named.file} ${named.field}): it cannot also name nothing`,
        });
      else if (!own.some((name) => ` ${key} `.includes(` ${name} `))) {
        problems.push({ file, field, message: `"${phrase}" does not contain any name of this record` });
      }
    });
  }
  // Agents' names are never highlighted, but the tools resolve them, so they
  // must not collide with a record's name or with each other.
  for (const { file, field, item } of agents) {
    const names: [string, string][] = [
      [item.name, `${field}.name`],
      ...(item.aliases ?? []).map((a, i): [string, string] => [a.name, `${field}.aliases[${i}].name`]),
    ];
    for (const [name, nameField] of names) {
      const key = nameKey(name);
      const other = seen.get(key)?.find((u) => u.drug !== item.id);
      if (other) {
        problems.push({
          file,
          field: nameField,
          message: `name "${name}" is also a name of "${other.drug}" (${other.file} ${other.field})`,
        });
        continue;
      }
      if (seen.get(key)?.some((u) => u.drug === item.id)) continue;
      seen.set(key, [...(seen.get(key) ?? []), { drug: item.id, file, field: nameField, ambiguous: false }]);
    }
  }
}

export type { Agent, ClassRecord, DrugRecord };
