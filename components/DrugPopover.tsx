import type { ComponentChildren } from 'preact';
import type { DrugDetails } from '../messaging/protocol';
import { BoxedWarning } from './BoxedWarning';
import { InteractionAdvice } from './InteractionAdvice';
import { InteractionList } from './InteractionList';
import { MedicalNotice } from './MedicalNotice';
import { SeverityBadge } from './SeverityBadge';

export type DrugPopoverProps = {
  /** Undefined while loading; null when the drug is unknown or loading failed. */
  details: DrugDetails | null | undefined;
  /** Id for the heading, so the dialog can be labelled by it. */
  headingId: string;
  onClose: () => void;
  /** Shows another record in the popover (a combination's ingredient). */
  onOpenDrug?: (id: string) => void;
};

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="mm-section" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function Facts({ label, items }: { label: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h4>{label}</h4>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}

function Fact({ label, text }: { label: string; text?: string }) {
  if (!text) return null;
  return (
    <>
      <h4>{label}</h4>
      <p>{text}</p>
    </>
  );
}

/** The full explanation of one drug: benefits, risks and interactions. */
function Ingredients({ ingredients, onOpenDrug }: { ingredients: DrugDetails['ingredients']; onOpenDrug?: (id: string) => void }) {
  return (
    <p class="mm-muted">
      Contains:{' '}
      {ingredients.map((ingredient, i) => (
        <span key={ingredient.name}>
          {i > 0 && ' + '}
          {ingredient.id && onOpenDrug ? (
            <button type="button" class="mm-link-button" onClick={() => onOpenDrug(ingredient.id!)}>
              {ingredient.name}
            </button>
          ) : (
            ingredient.name
          )}
        </span>
      ))}
    </p>
  );
}

export function DrugPopover({ details, headingId, onClose, onOpenDrug }: DrugPopoverProps) {
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
  const { drug, interactions, pageInteractions, ingredients } = details;
  const approved = drug.benefits.filter((b) => !b.offLabel);
  const offLabel = drug.benefits.filter((b) => b.offLabel);
  const { risks } = drug;
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
        {risks.boxedWarnings.length > 0 && (
          <div class="mm-boxed" role="note" aria-label="Boxed warning">
            <p class="mm-boxed__title">Boxed warning</p>
            <ul>
              {risks.boxedWarnings.map((w) => (
                <BoxedWarning key={w} warning={w} />
              ))}
            </ul>
          </div>
        )}
        {pageInteractions.length > 0 && (
          <div class="mm-on-page" role="note" aria-label="Interactions with medicines on this page">
            <p class="mm-on-page__title">With other medicines on this page</p>
            <ul>
              {pageInteractions.map((p) => (
                <li key={p.other.id}>
                  <div class="mm-interaction__head">
                    <SeverityBadge severity={p.severity} /> <strong>{p.other.name}</strong>
                  </div>
                  <InteractionAdvice effect={p.summary} action={p.action} dose={p.dose} also={p.also} />
                </li>
              ))}
            </ul>
          </div>
        )}
        <Section title="Benefits">
          <ul>
            {approved.map((b) => (
              <li key={b.text}>{b.text}</li>
            ))}
          </ul>
          {offLabel.length > 0 && (
            <>
              <h4>Off-label uses</h4>
              <p class="mm-muted">Used by some prescribers, but not an FDA-approved use.</p>
              <ul>
                {offLabel.map((b) => (
                  <li key={b.text}>
                    <span class="mm-tag">off-label</span> {b.text}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Section>
        <Section title="Risks">
          <Facts label="Common side effects" items={risks.common} />
          <Facts label="Serious risks: get medical help" items={risks.serious} />
          <Facts label="Who should not take it" items={risks.avoidIf} />
          <Fact label="Pregnancy" text={risks.pregnancy} />
          <Fact label="Breastfeeding" text={risks.breastfeeding} />
          <Fact label="Overdose" text={risks.overdose} />
          <Fact label="Stopping (withdrawal)" text={risks.withdrawal} />
        </Section>
        <Section title="Interactions">
          <InteractionList interactions={interactions} note={drug.interactionsNote} />
        </Section>
        <footer class="mm-footer">
          <p class="mm-label">Sources</p>
          <ul class="mm-sources">
            {drug.sources.map((s) => (
              <li key={s.url}>
                <a href={s.url} target="_blank" rel="noopener noreferrer">
                  {s.title}
                </a>
              </li>
            ))}
          </ul>
          <p class="mm-muted">Reviewed {drug.reviewed}</p>
          <MedicalNotice />
        </footer>
      </div>
    </div>
  );
}
