/**
 * The parts of a drug record as readers see them, shared by the in-page
 * popover (`DrugPopover`) and the side panel's full record
 * (`panel/DrugRecordView`), so the two never say different things.
 */
import type { ComponentChildren } from 'preact';
import type { DrugInteraction } from '../drugs/interactions';
import type { DrugDetails, PageInteraction, ShippedDrugRecord } from '../messaging/protocol';
import { BoxedWarning } from './BoxedWarning';
import { InteractionAdvice } from './InteractionAdvice';
import { InteractionList } from './InteractionList';
import { MedicalNotice } from './MedicalNotice';
import { SeverityBadge } from './SeverityBadge';

/** A titled part of the record; the title labels the region for screen readers. */
export function Section({ title, children }: { title: string; children: ComponentChildren }) {
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

/** A combination's ingredients; those with a record of their own open it when `onOpenDrug` is given. */
export function Ingredients({ ingredients, onOpenDrug }: { ingredients: DrugDetails['ingredients']; onOpenDrug?: (id: string) => void }) {
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

/**
 * The kinds of a family people name without a member ("insulin"), each with
 * links to its records when `onOpenDrug` is given; nothing for other records.
 */
export function Kinds({ kinds, onOpenDrug }: { kinds: DrugDetails['kinds']; onOpenDrug?: (id: string) => void }) {
  if (kinds.length === 0) return null;
  return (
    <section class="mm-section mm-kinds" aria-label="Kinds">
      <h3>Kinds</h3>
      <ul>
        {kinds.map((kind) => (
          <li key={kind.label}>
            {kind.label}
            {kind.drugs.length > 0 && ': '}
            {kind.drugs.map((d, i) => (
              <span key={d.id}>
                {i > 0 && ', '}
                {onOpenDrug ? (
                  <button type="button" class="mm-link-button" onClick={() => onOpenDrug(d.id)}>
                    {d.name}
                  </button>
                ) : (
                  d.name
                )}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The labeling's boxed warnings, in a red box; nothing when there are none. */
export function BoxedWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div class="mm-boxed" role="note" aria-label="Boxed warning">
      <p class="mm-boxed__title">Boxed warning</p>
      <ul>
        {warnings.map((w) => (
          <BoxedWarning key={w} warning={w} />
        ))}
      </ul>
    </div>
  );
}

/**
 * Interactions with particular other medicines (those on the page, or the
 * reader's own), called out above the record; nothing when there are none.
 * `title` is the visible heading, `label` names the note for screen readers.
 */
export function InteractionCallout({ title, label, interactions }: { title: string; label: string; interactions: PageInteraction[] }) {
  if (interactions.length === 0) return null;
  return (
    <div class="mm-on-page" role="note" aria-label={label}>
      <p class="mm-on-page__title">{title}</p>
      <ul>
        {interactions.map((p) => (
          <li key={p.other.id}>
            <div class="mm-interaction__head">
              <SeverityBadge severity={p.severity} /> <strong>{p.other.name}</strong>
            </div>
            <InteractionAdvice effect={p.summary} action={p.action} dose={p.dose} also={p.also} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Approved uses, then off-label uses marked as such. */
export function BenefitsSection({ benefits }: { benefits: ShippedDrugRecord['benefits'] }) {
  const approved = benefits.filter((b) => !b.offLabel);
  const offLabel = benefits.filter((b) => b.offLabel);
  return (
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
  );
}

/** Side effects, who should not take it, pregnancy and the rest; parts the record leaves out are skipped. */
export function RisksSection({ risks }: { risks: ShippedDrugRecord['risks'] }) {
  return (
    <Section title="Risks">
      <Facts label="Common side effects" items={risks.common} />
      <Facts label="Serious risks: get medical help" items={risks.serious} />
      <Facts label="Who should not take it" items={risks.avoidIf} />
      <Fact label="Pregnancy" text={risks.pregnancy} />
      <Fact label="Breastfeeding" text={risks.breastfeeding} />
      <Fact label="Overdose" text={risks.overdose} />
      <Fact label="Stopping (withdrawal)" text={risks.withdrawal} />
    </Section>
  );
}

type InteractionsSectionProps = {
  interactions: DrugInteraction[];
  /** The record's statement when its labeling lists no important interactions. */
  note?: string;
  /** Opens another drug's record; when given, interacting drugs that have one become buttons. */
  onOpenDrug?: (id: string) => void;
  /** How many to show before "Show all" (the popover is small; the side panel has room). */
  initialCount?: number;
};

export function InteractionsSection({ interactions, note, onOpenDrug, initialCount }: InteractionsSectionProps) {
  return (
    <Section title="Interactions">
      <InteractionList interactions={interactions} note={note} onOpenDrug={onOpenDrug} initialCount={initialCount} />
    </Section>
  );
}

/** Sources, the review date and the general-information notice: the foot of every record. */
export function RecordFooter({ sources, reviewed }: { sources: ShippedDrugRecord['sources']; reviewed: string }) {
  return (
    <footer class="mm-footer">
      <p class="mm-label">Sources</p>
      <ul class="mm-sources">
        {sources.map((s) => (
          <li key={s.url}>
            <a href={s.url} target="_blank" rel="noopener noreferrer">
              {s.title}
            </a>
          </li>
        ))}
      </ul>
      <p class="mm-muted">Reviewed {reviewed}</p>
      <MedicalNotice />
    </footer>
  );
}
