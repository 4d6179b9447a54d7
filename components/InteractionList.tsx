import { useState } from 'preact/hooks';
import type { DrugInteraction } from '../drugs/interactions';
import { InteractionAdvice } from './InteractionAdvice';
import { SeverityBadge } from './SeverityBadge';

type InteractionListProps = {
  /** Most severe first, as the background sends them. */
  interactions: DrugInteraction[];
  /** The record's statement when its labeling lists no important interactions. */
  note?: string;
  /** How many to show before "Show all". */
  initialCount?: number;
  /**
   * Opens another drug's record. When given, each interacting drug that has a
   * record of its own becomes a button; classes and agents have none to open.
   */
  onOpenDrug?: (id: string) => void;
};

export function InteractionList({ interactions, note, initialCount = 6, onOpenDrug }: InteractionListProps) {
  const [expanded, setExpanded] = useState(false);
  if (interactions.length === 0) return <p class="mm-muted">{note ?? 'No significant interactions listed.'}</p>;
  const shown = expanded ? interactions : interactions.slice(0, initialCount);
  return (
    <>
      <ul class="mm-interactions">
        {shown.map((i) => (
          <li key={`${i.other.id}|${i.effect}`} class={`mm-interaction mm-interaction--${i.severity}`}>
            <div class="mm-interaction__head">
              <SeverityBadge severity={i.severity} />
              <strong>
                {onOpenDrug && i.other.kind === 'drug' ? (
                  <button type="button" class="mm-link-button" onClick={() => onOpenDrug(i.other.id)}>
                    {i.other.name}
                  </button>
                ) : (
                  i.other.name
                )}
              </strong>
            </div>
            <InteractionAdvice effect={i.effect} action={i.action} dose={i.dose} also={i.also} />
          </li>
        ))}
      </ul>
      {interactions.length > shown.length && (
        <button type="button" class="mm-link-button" onClick={() => setExpanded(true)}>
          Show all {interactions.length} interactions
        </button>
      )}
    </>
  );
}
