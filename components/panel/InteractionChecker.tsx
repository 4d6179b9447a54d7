import type { CheckFinding, CheckGroup, CheckItem } from '../../drugs/medication-check';
import { severityRank } from '../../drugs/interactions';
import { MedicalNotice } from '../MedicalNotice';
import { CheckFindingItem } from './CheckFindingItem';

type InteractionCheckerProps = {
  /** The list being checked, in the order it was built. */
  items: CheckItem[];
  /** What `checkMedications` found for `items`; ignored with fewer than two. */
  findings: CheckFinding[];
  /** Display name for an id (a record or an agent). */
  nameOf: (id: string) => string;
  onRemove: (id: string) => void;
  onClear: () => void;
  onAddPageDrugs: () => void;
  /** Why the medicines on the current tab cannot be added; undefined when they can. */
  pageDrugsUnavailable?: string;
  onAddMyMedications: () => void;
  /** How many medicines are on the reader's list (the button is disabled at 0). */
  myMedicationCount: number;
};

/** Groups in the order shown, with their headings; most severe first inside each. */
const GROUPS: { group: CheckGroup; title: string }[] = [
  { group: 'duplicate', title: 'Duplicates' },
  { group: 'drug-drug', title: 'Medicine with medicine' },
  { group: 'drug-other', title: 'With food, alcohol or supplements' },
];

export const CHECK_SCOPE_TEXT = "Checks every pair in this list against Medmark's interaction rules.";
export const NOTHING_FOUND_CAVEAT = 'Nothing found does not mean a combination is safe: ask your pharmacist.';

/** "Ibuprofen (Advil)" when the reader or the page used another name for it. */
function itemLabel(item: CheckItem, nameOf: (id: string) => string): string {
  const name = nameOf(item.id);
  const others = (item.names ?? []).filter((n) => n.toLowerCase() !== name.toLowerCase());
  return others.length > 0 ? `${name} (${others.join(', ')})` : name;
}

/**
 * The interaction checker: the list, ways to fill it, and what Medmark's
 * rules say about every pair in it. It says plainly what it checks, and that
 * finding nothing is not a clean bill of health.
 */
export function InteractionChecker(props: InteractionCheckerProps) {
  const { items, findings, nameOf, onRemove, onClear, onAddPageDrugs, pageDrugsUnavailable, onAddMyMedications, myMedicationCount } = props;
  const ready = items.length >= 2;
  const nothingFound = ready && findings.length === 0;
  const groups = GROUPS.map((g) => ({
    ...g,
    findings: (ready ? findings : [])
      .filter((f) => f.group === g.group)
      .sort((x, y) => severityRank(x.severity) - severityRank(y.severity)),
  })).filter((g) => g.findings.length > 0);

  return (
    <section class="mm-view mm-checker" aria-labelledby="mm-checker-title">
      <h2 id="mm-checker-title" tabIndex={-1}>
        Interaction checker
      </h2>
      <p>{CHECK_SCOPE_TEXT}</p>

      <div class="mm-row">
        <div class="mm-with-reason">
          <button
            type="button"
            class="mm-button"
            disabled={!!pageDrugsUnavailable}
            aria-describedby={pageDrugsUnavailable ? 'mm-page-reason' : undefined}
            onClick={onAddPageDrugs}
          >
            Add drugs on this page
          </button>
          {pageDrugsUnavailable && (
            <span id="mm-page-reason" class="mm-muted">
              {pageDrugsUnavailable}
            </span>
          )}
        </div>
        <div class="mm-with-reason">
          <button
            type="button"
            class="mm-button"
            disabled={myMedicationCount === 0}
            aria-describedby={myMedicationCount === 0 ? 'mm-mine-reason' : undefined}
            onClick={onAddMyMedications}
          >
            Add My medications
          </button>
          {myMedicationCount === 0 && (
            <span id="mm-mine-reason" class="mm-muted">
              Your list is empty
            </span>
          )}
        </div>
      </div>

      <h3>Checking</h3>
      {items.length === 0 ? (
        <p class="mm-empty">
          Nothing yet. Add medicines from this page, from My medications, or from Search (foods, alcohol and supplements too).
        </p>
      ) : (
        <>
          <ul class="mm-chips" aria-label="Medicines and other items being checked">
            {items.map((item) => {
              const label = itemLabel(item, nameOf);
              return (
                <li key={item.id} class="mm-chip">
                  <span>{label}</span>
                  <button
                    type="button"
                    class="mm-chip__remove"
                    aria-label={`Remove ${label} from the checker`}
                    onClick={() => onRemove(item.id)}
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" class="mm-link-button" onClick={onClear}>
            Clear the list
          </button>
        </>
      )}

      {/* One short status line is announced, not the whole list of findings. */}
      <p class={nothingFound ? 'mm-nothing' : 'mm-muted'} role="status">
        {!ready
          ? 'Add at least two items to check them against each other.'
          : nothingFound
            ? `No interactions found among these ${items.length} items in Medmark's rules.`
            : `${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}, most severe first.`}
      </p>
      <div class="mm-findings">
        {groups.map((g) => (
          <section key={g.group} class="mm-section" aria-label={g.title}>
            <h3>{g.title}</h3>
            <ul class="mm-interactions">
              {g.findings.map((f) => (
                <CheckFindingItem key={`${f.group}|${f.drugs.join('|')}|${f.summary}`} finding={f} nameOf={nameOf} />
              ))}
            </ul>
          </section>
        ))}
      </div>

      {/* Always said; when nothing is found it is the main message, so it is shown as a callout. */}
      <p class={nothingFound ? 'mm-caveat mm-caveat--prominent' : 'mm-caveat'} role="note">
        {NOTHING_FOUND_CAVEAT}
      </p>
      <MedicalNotice />
    </section>
  );
}
