/**
 * `npm run -s review-list`: regenerates data/REVIEW.md, the content review
 * list: for each record, the facts its author was least sure of and how they
 * were settled (from each record's reviewNotes).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReviewList } from '../drugs/review-list';
import { loadOrExit } from './lib/cli';
import { DATA_DIR } from './lib/kb-source';

const path = join(DATA_DIR, 'REVIEW.md');
writeFileSync(path, renderReviewList(loadOrExit()));
console.log(`wrote ${path}`);
