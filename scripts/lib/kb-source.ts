/**
 * Reads the knowledge-base source files from `data/` (Node only). The build,
 * the command-line tools and the tests all load the knowledge base through here,
 * so they see exactly the same validated data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from '../../drugs/knowledge-base';
import { validateKnowledgeBase, type KbSources, type SourceFile } from '../../drugs/validate-kb';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DATA_DIR = join(PROJECT_ROOT, 'data');

function readSource(path: string): SourceFile {
  return { path: relative(PROJECT_ROOT, path), text: readFileSync(path, 'utf8') };
}

/** Every source file path, for build watchers. */
export function kbSourcePaths(dataDir = DATA_DIR): string[] {
  const drugsDir = join(dataDir, 'drugs');
  return [
    join(dataDir, 'classes.json'),
    join(dataDir, 'agents.json'),
    ...readdirSync(drugsDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(drugsDir, f)),
  ];
}

export function readKbSources(dataDir = DATA_DIR): KbSources {
  const [classes, agents, ...drugs] = kbSourcePaths(dataDir).map(readSource);
  return { classes, agents, drugs };
}

/** Reads and validates; throws `KbValidationError` naming file and field. */
export function loadKnowledgeBase(dataDir = DATA_DIR): KnowledgeBase {
  return validateKnowledgeBase(readKbSources(dataDir));
}
