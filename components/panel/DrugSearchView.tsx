import type { SearchHit } from '../../drugs/search-index';
import { MedicalNotice } from '../MedicalNotice';

type DrugSearchViewProps = {
  query: string;
  onQueryChange: (query: string) => void;
  /** Results for `query`, best first (empty for a blank query). */
  results: SearchHit[];
  /** Opens a record (only hits of kind `drug` have one). */
  onOpenDrug: (id: string) => void;
  onAddToChecker: (id: string) => void;
  /** Ids already in the checker, whose button then says so instead. */
  checkerIds: ReadonlySet<string>;
};

/** Said for agents: they are real interaction partners, but there is no record to open. */
export const NO_RECORD_TEXT = 'No full record yet; used by the interaction checker';

/** One result: the name (a button when there is a record), class, what matched, and "Add to checker". */
function Result({
  hit,
  onOpenDrug,
  onAddToChecker,
  inChecker,
}: {
  hit: SearchHit;
  onOpenDrug: (id: string) => void;
  onAddToChecker: (id: string) => void;
  inChecker: boolean;
}) {
  // The spaces keep the words apart in the button's accessible name; the spans are blocks on screen.
  const about = (
    <>
      {' '}
      <span class="mm-result__class">{hit.drugClass}</span>
      {hit.matched && (
        <>
          {' '}
          <span class="mm-result__matched">matched: {hit.matched}</span>
        </>
      )}
    </>
  );
  return (
    <li class="mm-result">
      {hit.kind === 'drug' ? (
        <button type="button" class="mm-result__open" onClick={() => onOpenDrug(hit.id)}>
          <span class="mm-result__name">{hit.name}</span>
          {about}
        </button>
      ) : (
        <div class="mm-result__agent">
          <span class="mm-result__name">{hit.name}</span>
          {about} <span class="mm-muted">{NO_RECORD_TEXT}</span>
        </div>
      )}
      <button type="button" class="mm-button mm-button--small" disabled={inChecker} onClick={() => onAddToChecker(hit.id)}>
        {inChecker ? 'In the checker' : 'Add to checker'}
        <span class="mm-visually-hidden"> ({hit.name})</span>
      </button>
    </li>
  );
}

/**
 * The side panel's search: a box and the results as the reader types. Enter
 * opens the first result that has a record, so a keyboard reader who typed a
 * full name gets there in one step.
 */
export function DrugSearchView({ query, onQueryChange, results, onOpenDrug, onAddToChecker, checkerIds }: DrugSearchViewProps) {
  const blank = query.trim() === '';
  const submit = (event: Event) => {
    event.preventDefault();
    const first = results.find((r) => r.kind === 'drug');
    if (first) onOpenDrug(first.id);
  };
  return (
    <section class="mm-view" aria-labelledby="mm-search-title">
      <h2 id="mm-search-title" class="mm-visually-hidden">
        Search
      </h2>
      <form role="search" onSubmit={submit}>
        <label htmlFor="mm-search-input" class="mm-field-label">
          Search medicines, brands or conditions
        </label>
        <input
          id="mm-search-input"
          type="search"
          class="mm-input"
          value={query}
          autocomplete="off"
          spellcheck={false}
          aria-describedby="mm-search-count"
          onInput={(e) => onQueryChange((e.currentTarget as HTMLInputElement).value)}
        />
      </form>
      <p id="mm-search-count" class="mm-muted" role="status">
        {blank
          ? 'For example: Advil, paracetamol, heartburn, blood thinner.'
          : results.length === 0
            ? `Nothing matches “${query.trim()}”.`
            : `${results.length} ${results.length === 1 ? 'result' : 'results'}`}
      </p>
      {results.length > 0 && (
        <>
          <ul class="mm-results" aria-label="Results">
            {results.map((hit) => (
              <Result key={hit.id} hit={hit} onOpenDrug={onOpenDrug} onAddToChecker={onAddToChecker} inChecker={checkerIds.has(hit.id)} />
            ))}
          </ul>
          <MedicalNotice />
        </>
      )}
    </section>
  );
}
