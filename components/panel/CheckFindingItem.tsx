import type { CheckFinding } from '../../drugs/medication-check';
import { InteractionAdvice } from '../InteractionAdvice';
import { SeverityBadge } from '../SeverityBadge';

/** Why two items count as a duplicate, in words. */
function duplicateReason(duplicate: NonNullable<CheckFinding['duplicate']>): string {
  switch (duplicate.reason) {
    case 'same-medicine':
      return 'The same medicine is on the list under two names.';
    case 'same-ingredient':
      return duplicate.ingredient ? `Both contain ${duplicate.ingredient}.` : 'Both contain the same ingredient.';
    case 'same-class':
      return 'Both are medicines of the same kind.';
  }
}

type CheckFindingItemProps = {
  finding: CheckFinding;
  /** Display name for an id in the list (a record or an agent). */
  nameOf: (id: string) => string;
};

/** One finding of the checker: both names, the grade, what happens and what to do. */
export function CheckFindingItem({ finding, nameOf }: CheckFindingItemProps) {
  const [a, b] = finding.drugs;
  return (
    <li class={`mm-interaction mm-interaction--${finding.severity}`}>
      <div class="mm-interaction__head">
        <SeverityBadge severity={finding.severity} />
        <strong class="mm-finding__names">{a === b ? nameOf(a) : `${nameOf(a)} + ${nameOf(b)}`}</strong>
      </div>
      {finding.duplicate && <p class="mm-finding__why">{duplicateReason(finding.duplicate)}</p>}
      <InteractionAdvice effect={finding.summary} action={finding.action} dose={finding.dose} also={finding.also} />
    </li>
  );
}
