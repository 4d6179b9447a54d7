import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CheckFinding, CheckItem } from '../../drugs/medication-check';
import type { SearchHit } from '../../drugs/search-index';
import type { DrugDetails } from '../../messaging/protocol';
import type { MyMedication } from '../../settings/settings';
import { MyMedications, type ImportOutcome } from '../MyMedications';
import { DrugRecordView } from './DrugRecordView';
import { DrugSearchView } from './DrugSearchView';
import { InteractionChecker } from './InteractionChecker';
import { pageDrugsUnavailableReason, type PageDrugs } from './page-drugs';

export type SidePanelProps = {
  /** Search over the knowledge base, best first. */
  search: (query: string) => SearchHit[];
  /** The record and its interactions, or null when there is no record with that id. */
  getDetails: (id: string) => DrugDetails | null;
  /** Every finding among the items (used with two or more). */
  check: (items: CheckItem[]) => CheckFinding[];
  /** Display name of a record or agent id. */
  nameOf: (id: string) => string;
  /** Whether the id has a full record (agents such as digoxin do not). */
  hasRecord: (id: string) => boolean;
  /** The reader's list, in the order added. */
  myMedications: MyMedication[];
  onAddMyMedication: (id: string) => void;
  onRemoveMyMedication: (id: string) => void;
  onExportMyMedications: () => void;
  /** Imports a file (replacing the list when it is valid). */
  onImportMyMedications: (file: File) => Promise<ImportOutcome>;
  /** The medicines on the reader's current tab. */
  pageDrugs: PageDrugs;
  /** A record asked for in the panel's address; when it changes, that record opens. */
  openDrugId?: string;
};

type Tab = 'search' | 'checker' | 'medications';

const TAB_TITLES: Record<Tab, string> = { search: 'Search', checker: 'Checker', medications: 'My medications' };

/** Adds items that are not there yet; names the page used are merged into an item already there. */
function withItems(list: CheckItem[], added: CheckItem[]): CheckItem[] {
  const next = list.map((item) => ({ ...item }));
  for (const item of added) {
    const existing = next.find((x) => x.id === item.id);
    if (!existing) next.push(item);
    else if (item.names?.length) existing.names = [...new Set([...(existing.names ?? []), ...item.names])];
  }
  return next;
}

/**
 * The side panel: search, a drug's full record, the interaction checker and
 * My medications. It keeps only what is on screen (the query, the records
 * opened, the checker's list); the wiring supplies the knowledge base and
 * storage through the props, so this runs and is tested without a browser.
 */
export function SidePanel(props: SidePanelProps) {
  const { search, getDetails, check, nameOf, hasRecord, myMedications, pageDrugs, openDrugId } = props;
  const [tab, setTab] = useState<Tab>('search');
  /** Records opened in a row (a record, then one of its interactions...); Back returns along them. */
  const [records, setRecords] = useState<string[]>(() => (openDrugId ? [openDrugId] : []));
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<CheckItem[]>([]);
  const root = useRef<HTMLDivElement>(null);
  const record = records.at(-1);

  const openDrug = (id: string) => setRecords((r) => (r.at(-1) === id ? r : [...r, id]));
  useEffect(() => {
    if (openDrugId) openDrug(openDrugId);
  }, [openDrugId]);

  // Leaving a record or switching tabs puts focus at the top of the new view
  // (a record focuses its own heading), never on a button that has gone.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (record) return;
    root.current?.querySelector<HTMLElement>(tab === 'search' ? '#mm-search-input' : '.mm-view h2')?.focus();
  }, [tab, record]);

  const results = useMemo(() => search(query), [search, query]);
  const details = useMemo(() => (record ? getDetails(record) : null), [getDetails, record]);
  const findings = useMemo(() => (items.length >= 2 ? check(items) : []), [check, items]);
  const checkerIds = useMemo(() => new Set(items.map((i) => i.id)), [items]);
  const myIds = useMemo(() => new Set(myMedications.map((m) => m.id)), [myMedications]);

  const addToChecker = (id: string) => setItems((list) => withItems(list, [{ id }]));
  const showTab = (next: Tab) => {
    setTab(next);
    setRecords([]);
  };

  const counts: Record<Tab, number | undefined> = { search: undefined, checker: items.length, medications: myMedications.length };
  const back = records.length > 1 ? nameOf(records.at(-2)!) : TAB_TITLES[tab];

  return (
    <div class="mm-panel" ref={root}>
      <h1 class="mm-visually-hidden">Medmark</h1>
      <nav class="mm-tabs" aria-label="Side panel">
        {(Object.keys(TAB_TITLES) as Tab[]).map((t) => (
          <button key={t} type="button" class="mm-tab" aria-current={tab === t && !record ? 'page' : undefined} onClick={() => showTab(t)}>
            {TAB_TITLES[t]}
            {counts[t] ? ` (${counts[t]})` : ''}
          </button>
        ))}
      </nav>
      <main class="mm-main">
        {record ? (
          <>
            <button type="button" class="mm-link-button mm-back" onClick={() => setRecords((r) => r.slice(0, -1))}>
              ← Back to {back}
            </button>
            <DrugRecordView
              details={details}
              inMyMedications={myIds.has(record)}
              inChecker={checkerIds.has(record)}
              onAddToMyMedications={props.onAddMyMedication}
              onRemoveFromMyMedications={props.onRemoveMyMedication}
              onAddToChecker={addToChecker}
              onOpenDrug={openDrug}
            />
          </>
        ) : tab === 'search' ? (
          <DrugSearchView
            query={query}
            onQueryChange={setQuery}
            results={results}
            onOpenDrug={openDrug}
            onAddToChecker={addToChecker}
            checkerIds={checkerIds}
          />
        ) : tab === 'checker' ? (
          <InteractionChecker
            items={items}
            findings={findings}
            nameOf={nameOf}
            onRemove={(id) => setItems((list) => list.filter((i) => i.id !== id))}
            onClear={() => setItems([])}
            onAddPageDrugs={() =>
              pageDrugs.state === 'ready' &&
              setItems((list) =>
                withItems(
                  list,
                  pageDrugs.drugs.map((d) => ({ id: d.id, names: d.names })),
                ),
              )
            }
            pageDrugsUnavailable={pageDrugsUnavailableReason(pageDrugs)}
            onAddMyMedications={() =>
              setItems((list) =>
                withItems(
                  list,
                  myMedications.map((m) => ({ id: m.id })),
                ),
              )
            }
            myMedicationCount={myMedications.length}
          />
        ) : (
          <MyMedications
            medications={myMedications.map((m) => ({ id: m.id, name: nameOf(m.id), hasRecord: hasRecord(m.id) }))}
            onRemove={props.onRemoveMyMedication}
            onExport={props.onExportMyMedications}
            onImportFile={props.onImportMyMedications}
            onOpenDrug={openDrug}
            emptyHint="Search for a medicine, open it, and choose Add to My medications."
          />
        )}
      </main>
    </div>
  );
}
