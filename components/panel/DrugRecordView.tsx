import { useEffect, useRef } from 'preact/hooks';
import type { DrugDetails } from '../../messaging/protocol';
import {
  BenefitsSection,
  BoxedWarnings,
  Ingredients,
  InteractionCallout,
  Kinds,
  InteractionsSection,
  RecordFooter,
  RisksSection,
} from '../DrugSections';
import { DrugNames } from './DrugNames';

type DrugRecordViewProps = {
  /** Null when there is no record with that id (a stale link, say). */
  details: DrugDetails | null;
  /** Whether the drug is on the reader's list, which decides the list button. */
  inMyMedications: boolean;
  /** Whether it is already in the checker's list. */
  inChecker: boolean;
  onAddToMyMedications: (id: string) => void;
  onRemoveFromMyMedications: (id: string) => void;
  onAddToChecker: (id: string) => void;
  /** Opens another record: an ingredient, or a drug it interacts with. */
  onOpenDrug: (id: string) => void;
};

/**
 * A drug's full record in the side panel, where there is room to read it
 * all: every name, benefits, risks, every interaction (each drug with a record
 * opens it), sources, the review date and the notice. It is built from the
 * same sections as the in-page popover, so the two always agree.
 */
export function DrugRecordView(props: DrugRecordViewProps) {
  const { details, inMyMedications, inChecker, onAddToMyMedications, onRemoveFromMyMedications, onAddToChecker, onOpenDrug } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const id = details?.drug.id;
  // A new record replaces the view: move focus to its name, so keyboard and
  // screen-reader users start reading there rather than at a vanished button.
  useEffect(() => {
    heading.current?.focus();
  }, [id]);

  if (!details) {
    return (
      <section class="mm-view" aria-labelledby="mm-record-title">
        <h2 id="mm-record-title" tabIndex={-1} ref={heading}>
          Not available
        </h2>
        <p>Medmark has no record for this medicine.</p>
      </section>
    );
  }
  const { drug, ingredients, interactions } = details;
  return (
    <article class="mm-view mm-record" aria-labelledby="mm-record-title">
      <header class="mm-record__header">
        <h2 id="mm-record-title" tabIndex={-1} ref={heading}>
          {drug.name}
        </h2>
        <p class="mm-class">{drug.drugClass}</p>
      </header>
      <p class="mm-summary">{drug.summary}</p>
      <div class="mm-row">
        {inMyMedications ? (
          <button type="button" class="mm-button" onClick={() => onRemoveFromMyMedications(drug.id)}>
            Remove from My medications
          </button>
        ) : (
          <button type="button" class="mm-button" onClick={() => onAddToMyMedications(drug.id)}>
            Add to My medications
          </button>
        )}
        <button type="button" class="mm-button" disabled={inChecker} onClick={() => onAddToChecker(drug.id)}>
          {inChecker ? 'In the checker' : 'Add to checker'}
        </button>
      </div>
      {ingredients.length > 0 && <Ingredients ingredients={ingredients} onOpenDrug={onOpenDrug} />}
      <Kinds kinds={details.kinds ?? []} onOpenDrug={onOpenDrug} />
      <BoxedWarnings warnings={drug.risks.boxedWarnings} />
      <InteractionCallout
        title="With your medicines"
        label="Interactions with your medicines"
        interactions={details.myMedicationInteractions ?? []}
      />
      <DrugNames aliases={drug.aliases} />
      <BenefitsSection benefits={drug.benefits} />
      <RisksSection risks={drug.risks} />
      {/* All of them: the panel is the place to read the whole list. */}
      <InteractionsSection
        interactions={interactions}
        note={drug.interactionsNote}
        onOpenDrug={onOpenDrug}
        initialCount={interactions.length}
      />
      <RecordFooter sources={drug.sources} reviewed={drug.reviewed} />
    </article>
  );
}
