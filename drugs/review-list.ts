/** Renders the content review list (data/REVIEW.md) from the records' review notes. */
import type { KnowledgeBase } from './knowledge-base';

export function renderReviewList(kb: KnowledgeBase): string {
  const lines = [
    '# Content review list',
    '',
    'For each record: the facts its author was least sure of, and how they were settled.',
    "Generated from each record's `reviewNotes` by `npm run -s review-list`; edit the records, not this file.",
    '',
  ];
  for (const d of kb.drugs) {
    lines.push(`## ${d.name} (\`${d.id}\`, reviewed ${d.reviewed})`, '');
    (d.reviewNotes ?? []).forEach((n, i) => lines.push(`${i + 1}. **${n.fact}** ${n.settled}`));
    lines.push('');
  }
  return lines.join('\n');
}
