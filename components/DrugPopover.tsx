import type { DrugDetails } from '../messaging/protocol';
import {
  BenefitsSection,
  BoxedWarnings,
  Ingredients,
  InteractionCallout,
  Kinds,
  InteractionsSection,
  RecordFooter,
  RisksSection,
} from './DrugSections';

export type DrugPopoverProps = {
  /** Undefined while loading; null when the drug is unknown or loading failed. */
  details: DrugDetails | null | undefined;
  /** Id for the heading, so the dialog can be labelled by it. */
  headingId: string;
  onClose: () => void;
  /** Shows another record in the popover (a combination's ingredient). */
  onOpenDrug?: (id: string) => void;
  /** Saves the drug to the reader's medicines; offered when it is not on their list yet. */
  onAddToMyMedications?: () => void;
};

/** The full explanation of one drug: benefits, risks and interactions. */
export function DrugPopover({ details, headingId, onClose, onOpenDrug, onAddToMyMedications }: DrugPopoverProps) {
  const close = (
    <button type="button" class="mm-close" aria-label="Close" onClick={onClose}>
      ×
    </button>
  );
  if (details === undefined || details === null) {
    return (
      <div class="mm-popover__inner" aria-busy={details === undefined}>
        <header class="mm-header">
          <h2 id={headingId}>{details === undefined ? 'Loading…' : 'Not available'}</h2>
          {close}
        </header>
        {details === null && <p>Medmark could not load this medicine’s details.</p>}
      </div>
    );
  }
  const { drug, interactions, pageInteractions, myMedicationInteractions, inMyMedications, ingredients, kinds } = details;
  return (
    <div class="mm-popover__inner">
      <header class="mm-header">
        <div>
          <h2 id={headingId}>{drug.name}</h2>
          <p class="mm-class">{drug.drugClass}</p>
        </div>
        {close}
      </header>
      <div class="mm-body">
        <p class="mm-summary">{drug.summary}</p>
        {ingredients.length > 0 && <Ingredients ingredients={ingredients} onOpenDrug={onOpenDrug} />}
        <Kinds kinds={kinds ?? []} onOpenDrug={onOpenDrug} />
        {inMyMedications ? (
          <p class="mm-muted mm-mine-status">On your list (My medications)</p>
        ) : (
          onAddToMyMedications && (
            <button type="button" class="mm-link-button mm-mine-status" onClick={onAddToMyMedications}>
              Add to My medications
            </button>
          )
        )}
        <InteractionCallout title="With your medicines" label="Interactions with your medicines" interactions={myMedicationInteractions} />
        <BoxedWarnings warnings={drug.risks.boxedWarnings} />
        <InteractionCallout
          title="With other medicines on this page"
          label="Interactions with medicines on this page"
          interactions={pageInteractions}
        />
        <BenefitsSection benefits={drug.benefits} />
        <RisksSection risks={drug.risks} />
        <InteractionsSection interactions={interactions} note={drug.interactionsNote} />
        <RecordFooter sources={drug.sources} reviewed={drug.reviewed} />
      </div>
    </div>
  );
}
