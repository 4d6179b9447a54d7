/** Shared command-line plumbing: load the knowledge base or exit with a clear message. */
import { KbValidationError, type ValidationNotes } from '../../drugs/validate-kb';
import type { KnowledgeBase } from '../../drugs/knowledge-base';
import { loadKnowledgeBase } from './kb-source';

/** Exit status for bad input (an unknown name, a missing file): distinct from a crash. */
export const EXIT_USAGE = 2;

// `npm run -s interactions -- a b | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

export function fail(message: string, status = EXIT_USAGE): never {
  process.stderr.write(`${message}\n`);
  process.exit(status);
}

export function loadOrExit(notes?: ValidationNotes, dataDir?: string): KnowledgeBase {
  try {
    return loadKnowledgeBase(dataDir, notes);
  } catch (error) {
    if (error instanceof KbValidationError) fail(error.message, 1);
    throw error;
  }
}
