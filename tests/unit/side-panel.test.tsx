// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageDrugs } from '../../components/panel/page-drugs';
import { SidePanel, type SidePanelProps } from '../../components/panel/SidePanel';
import type { CheckFinding, CheckItem } from '../../drugs/medication-check';
import type { SearchHit } from '../../drugs/search-index';
import { validateKnowledgeBase } from '../../drugs/validate-kb';
import { createRequestHandler } from '../../messaging/handle-request';
import { drug, SAMPLE_DRUGS, sampleSources } from './helpers/sample-kb';

afterEach(cleanup);

const kb = validateKnowledgeBase(
  sampleSources([
    ...SAMPLE_DRUGS.filter((d) => d.id !== 'baclofen'),
    drug('baclofen', {
      aliases: [{ name: 'Lioresal', kind: 'brand' }],
      interactions: [{ with: 'tizanidine', severity: 'moderate', effect: 'Both relax muscles.', action: 'Watch for weakness.' }],
    }),
  ]),
);
const handle = createRequestHandler(kb);
const names = new Map([...kb.drugs, ...kb.agents].map((x) => [x.id, x.name]));

const HITS: SearchHit[] = [
  { id: 'baclofen', name: 'Baclofen', kind: 'drug', drugClass: 'Test class', matched: 'Lioresal' },
  { id: 'alcohol', name: 'Alcohol', kind: 'agent', drugClass: 'substance' },
];
const FINDING: CheckFinding = {
  group: 'drug-other',
  drugs: ['alcohol', 'baclofen'],
  severity: 'major',
  summary: 'More drowsiness.',
  action: 'Avoid alcohol.',
  also: [],
};

function renderPanel(overrides: Partial<SidePanelProps> = {}) {
  const props: SidePanelProps = {
    search: (query) => (query.trim() ? HITS : []),
    getDetails: (id) => handle({ type: 'medmark/details', id, pageDrugIds: [] }),
    check: vi.fn((items: CheckItem[]) => (items.some((i) => i.id === 'alcohol') ? [FINDING] : [])),
    nameOf: (id) => names.get(id) ?? id,
    hasRecord: (id) => kb.drugs.some((d) => d.id === id),
    myMedications: [{ id: 'warfarin', addedAt: '2026-01-01T00:00:00.000Z' }],
    onAddMyMedication: vi.fn(),
    onRemoveMyMedication: vi.fn(),
    onExportMyMedications: vi.fn(),
    onImportMyMedications: vi.fn(),
    pageDrugs: { state: 'ready', drugs: [{ id: 'ibuprofen', count: 2, names: ['Advil'] }] },
    ...overrides,
  };
  const result = render(<SidePanel {...props} />);
  return { props, ...result };
}

const tab = (name: RegExp) => screen.getByRole('button', { name });
const chips = () => [...document.querySelectorAll('.mm-checker .mm-chip > span')].map((s) => s.textContent);

describe('SidePanel', () => {
  it('searches as the reader types and opens the chosen record, with a way back', () => {
    renderPanel();
    fireEvent.input(screen.getByLabelText('Search medicines, brands or conditions'), { target: { value: 'lio' } });
    fireEvent.click(screen.getByRole('button', { name: /^Baclofen Test class matched: Lioresal$/ }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Baclofen');
    fireEvent.click(screen.getByRole('button', { name: '← Back to Search' }));
    // The query is still there.
    expect((screen.getByLabelText('Search medicines, brands or conditions') as HTMLInputElement).value).toBe('lio');
    expect(document.activeElement).toBe(screen.getByLabelText('Search medicines, brands or conditions'));
  });

  it('follows an interaction to another record, and back to the first', () => {
    renderPanel({ openDrugId: 'baclofen' });
    fireEvent.click(within(screen.getByRole('region', { name: 'Interactions' })).getByRole('button', { name: 'Tizanidine' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Tizanidine');
    fireEvent.click(screen.getByRole('button', { name: '← Back to Baclofen' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Baclofen');
  });

  it('opens the record named in the address, and another when it changes', () => {
    const { props, rerender } = renderPanel({ openDrugId: 'warfarin' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Warfarin');
    rerender(<SidePanel {...props} openDrugId="sertraline" />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Sertraline');
  });

  it('adds and removes My medications from a record', () => {
    const { props } = renderPanel({ openDrugId: 'warfarin' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove from My medications' }));
    expect(props.onRemoveMyMedication).toHaveBeenCalledWith('warfarin');
    cleanup();
    const second = renderPanel({ openDrugId: 'baclofen' });
    fireEvent.click(screen.getByRole('button', { name: 'Add to My medications' }));
    expect(second.props.onAddMyMedication).toHaveBeenCalledWith('baclofen');
  });

  it('builds the checker list from search, the record, the page and My medications, and checks it', () => {
    const { props } = renderPanel({ openDrugId: 'baclofen' });
    fireEvent.click(screen.getByRole('button', { name: 'Add to checker' }));
    expect((screen.getByRole('button', { name: 'In the checker' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(tab(/^Search/));
    fireEvent.input(screen.getByLabelText('Search medicines, brands or conditions'), { target: { value: 'alc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to checker (Alcohol)' }));
    fireEvent.click(tab(/^Checker/));
    expect(tab(/^Checker/).textContent).toBe('Checker (2)');
    expect(chips()).toEqual(['Baclofen', 'Alcohol']);
    expect(props.check).toHaveBeenLastCalledWith([{ id: 'baclofen' }, { id: 'alcohol' }]);
    const found = screen.getByRole('region', { name: 'With food, alcohol or supplements' });
    expect(found.querySelector('.mm-finding__names')!.textContent).toBe('Alcohol + Baclofen');
    fireEvent.click(screen.getByRole('button', { name: 'Add drugs on this page' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add My medications' }));
    expect(chips()).toEqual(['Baclofen', 'Alcohol', 'Ibuprofen (Advil)', 'Warfarin']);
    // Adding again changes nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Add My medications' }));
    expect(chips()).toHaveLength(4);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Alcohol from the checker' }));
    expect(chips()).toEqual(['Baclofen', 'Ibuprofen (Advil)', 'Warfarin']);
    expect(screen.getByRole('status').textContent).toBe("No interactions found among these 3 items in Medmark's rules.");
  });

  it('disables "Add drugs on this page" with the reason from the tab', () => {
    const page: PageDrugs = { state: 'unavailable', reason: 'No medicines found on this page' };
    renderPanel({ pageDrugs: page });
    fireEvent.click(tab(/^Checker/));
    expect((screen.getByRole('button', { name: 'Add drugs on this page' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('No medicines found on this page')).toBeTruthy();
  });

  it('shows My medications, and opens a record from it', () => {
    renderPanel();
    fireEvent.click(tab(/^My medications/));
    expect(tab(/^My medications/).textContent).toBe('My medications (1)');
    expect(tab(/^My medications/).getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByRole('button', { name: 'Warfarin' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Warfarin');
    expect(screen.getByRole('button', { name: '← Back to My medications' })).toBeTruthy();
  });
});

describe('SidePanel on the real knowledge base', () => {
  it('finds Baclofen by its brand, and the checker finds baclofen with alcohol', async () => {
    const { default: realKb } = await import('virtual:medmark/kb');
    const { createDrugSearch } = await import('../../drugs/search-index');
    const { checkMedications } = await import('../../drugs/medication-check');
    const { createInteractionResolver } = await import('../../drugs/interactions');
    const drugSearch = createDrugSearch(realKb);
    const resolver = createInteractionResolver(realKb);
    const realHandle = createRequestHandler(realKb);
    const realNames = new Map([...realKb.drugs, ...realKb.agents].map((x) => [x.id, x.name]));
    renderPanel({
      search: (q) => drugSearch.search(q),
      getDetails: (id) => realHandle({ type: 'medmark/details', id, pageDrugIds: [] }),
      check: (items) => checkMedications(realKb, resolver, items),
      nameOf: (id) => realNames.get(id) ?? id,
      hasRecord: (id) => realKb.drugs.some((d) => d.id === id),
      myMedications: [],
    });
    fireEvent.input(screen.getByLabelText('Search medicines, brands or conditions'), { target: { value: 'Lioresal' } });
    const first = document.querySelector('.mm-result')!;
    expect(first.querySelector('.mm-result__name')!.textContent).toBe('Baclofen');
    expect(first.querySelector('.mm-result__matched')!.textContent).toBe('matched: Lioresal');
    fireEvent.click(within(first as HTMLElement).getByRole('button', { name: /^Add to checker/ }));
    fireEvent.input(screen.getByLabelText('Search medicines, brands or conditions'), { target: { value: 'alcohol' } });
    const alcohol = [...document.querySelectorAll('.mm-result')].find(
      (r) => r.querySelector('.mm-result__name')!.textContent === 'Alcohol',
    )!;
    expect(alcohol.textContent).toContain('No full record yet; used by the interaction checker');
    fireEvent.click(within(alcohol as HTMLElement).getByRole('button', { name: /^Add to checker/ }));
    fireEvent.click(tab(/^Checker/));
    const found = screen.getByRole('region', { name: 'With food, alcohol or supplements' });
    expect(found.querySelector('.mm-finding__names')!.textContent).toBe('Alcohol + Baclofen');
  });
});
