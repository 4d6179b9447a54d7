import type { RuleAdvice } from '../drugs/interactions';
import { SeverityBadge } from './SeverityBadge';

type InteractionAdviceProps = {
  /** What happens and what to do, from the most specific rule for this pair. */
  effect: string;
  action: string;
  /** Set when that rule holds only at one dose (low-dose aspirin, say). */
  dose?: RuleAdvice['dose'];
  /** The other distinct rules for the same pair, most severe first. */
  also: RuleAdvice[];
  /** Folds the other rules behind a disclosure (the narrow popup); they are listed open everywhere else. */
  foldAlso?: boolean;
};

/** "With low-dose aspirin (...):" before a rule that holds only at that dose. */
function DoseLabel({ dose }: { dose?: RuleAdvice['dose'] }) {
  return dose ? <span class="mm-dose">With {dose.label}: </span> : null;
}

/**
 * The advice for one interaction: the most specific rule's text first, then
 * every other distinct rule that joins the same pair, each with its own grade.
 * Nothing is dropped, because a broader rule can still add something true
 * (a class warning under a drug-specific one).
 */
export function InteractionAdvice({ effect, action, dose, also, foldAlso = false }: InteractionAdviceProps) {
  const list = (
    <ul>
      {also.map((a) => (
        <li key={a.effect}>
          <SeverityBadge severity={a.severity} /> <DoseLabel dose={a.dose} />
          {a.effect} <span class="mm-action">{a.action}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <p>
        <DoseLabel dose={dose} />
        {effect}
      </p>
      <p class="mm-action">
        <span class="mm-label">What to do: </span>
        {action}
      </p>
      {also.length > 0 &&
        (foldAlso ? (
          <details class="mm-also">
            <summary class="mm-also__title">
              {also.length} more {also.length === 1 ? 'warning' : 'warnings'} for this pair
            </summary>
            {list}
          </details>
        ) : (
          <div class="mm-also">
            <p class="mm-also__title">Also for this pair:</p>
            {list}
          </div>
        ))}
    </>
  );
}
