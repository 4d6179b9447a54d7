/**
 * Reads the knowledge-base source files from `data/` (Node only). The build,
 * the command-line tools and the tests all load the knowledge base through here,
 * so they see exactly the same validated data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from '../../drugs/knowledge-base';
import { misspellingExclusionsSchema } from '../../drugs/schema';
import { validateKnowledgeBase, type KbSources, type SourceFile, type ValidationNotes } from '../../drugs/validate-kb';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DATA_DIR = join(PROJECT_ROOT, 'data');

function readSource(path: string): SourceFile {
  return { path: relative(PROJECT_ROOT, path), text: readFileSync(path, 'utf8') };
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

/** Every source file path, for build watchers. */
export function kbSourcePaths(dataDir = DATA_DIR): string[] {
  return [
    ...['classes', 'agents', 'drugs'].flatMap((folder) => jsonFiles(join(dataDir, folder))),
    join(dataDir, MISSPELLING_EXCLUSIONS_FILE),
  ];
}

export function readKbSources(dataDir = DATA_DIR): KbSources {
  return {
    classes: jsonFiles(join(dataDir, 'classes')).map(readSource),
    agents: jsonFiles(join(dataDir, 'agents')).map(readSource),
    drugs: jsonFiles(join(dataDir, 'drugs')).map(readSource),
  };
}

/** Reads and validates; throws `KbValidationError` naming file and field. */
export function loadKnowledgeBase(dataDir = DATA_DIR, notes?: ValidationNotes): KnowledgeBase {
  return validateKnowledgeBase(readKbSources(dataDir), notes);
}

export const MISSPELLING_EXCLUSIONS_FILE = 'misspelling-exclusions.json';

/**
 * The English words never taken for misspellings (`drugs/misspelling-index.ts`),
 * from `data/misspelling-exclusions.json`. A malformed file fails with its name.
 */
export function loadMisspellingExclusions(dataDir = DATA_DIR): string[] {
  const path = join(dataDir, MISSPELLING_EXCLUSIONS_FILE);
  const parsed = misspellingExclusionsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${relative(PROJECT_ROOT, path)}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data.words;
}
