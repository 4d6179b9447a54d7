// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DrugSearchView } from '../../components/panel/DrugSearchView';
import type { SearchHit } from '../../drugs/search-index';

afterEach(cleanup);

const HITS: SearchHit[] = [
  { id: 'baclofen', name: 'Baclofen', kind: 'drug', drugClass: 'Muscle relaxant', matched: 'Lioresal' },
  { id: 'tizanidine', name: 'Tizanidine', kind: 'drug', drugClass: 'Muscle relaxant' },
  { id: 'alcohol', name: 'Alcohol', kind: 'agent', drugClass: 'substance' },
];

function renderSearch(overrides: Partial<Parameters<typeof DrugSearchView>[0]> = {}) {
  const props = {
    query: 'lio',
    onQueryChange: vi.fn(),
    results: HITS,
    onOpenDrug: vi.fn(),
    onAddToChecker: vi.fn(),
    checkerIds: new Set<string>(),
    ...overrides,
  };
  render(<DrugSearchView {...props} />);
  return props;
}

describe('DrugSearchView', () => {
  it('labels the box and reports each keystroke', () => {
    const { onQueryChange } = renderSearch({ query: '', results: [] });
    const box = screen.getByLabelText('Search medicines, brands or conditions') as HTMLInputElement;
    fireEvent.input(box, { target: { value: 'zolo' } });
    expect(onQueryChange).toHaveBeenCalledWith('zolo');
    expect(screen.getByRole('status').textContent).toBe('For example: Advil, paracetamol, heartburn, blood thinner.');
  });

  it('shows name, class and what matched for each result, and counts them', () => {
    renderSearch();
    const items = [...document.querySelectorAll('.mm-result')];
    expect(items).toHaveLength(3);
    expect(items[0].querySelector('.mm-result__name')!.textContent).toBe('Baclofen');
    expect(items[0].querySelector('.mm-result__class')!.textContent).toBe('Muscle relaxant');
    expect(items[0].querySelector('.mm-result__matched')!.textContent).toBe('matched: Lioresal');
    expect(items[1].querySelector('.mm-result__matched')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('3 results');
    expect(document.querySelector('.mm-notice')!.textContent).toMatch(/not a substitute/);
  });

  it('opens a record when a drug is chosen', () => {
    const { onOpenDrug } = renderSearch();
    fireEvent.click(screen.getByRole('button', { name: /^Baclofen Muscle relaxant matched: Lioresal$/ }));
    expect(onOpenDrug).toHaveBeenCalledWith('baclofen');
  });

  it('opens the first record on Enter', () => {
    const { onOpenDrug } = renderSearch({ results: [HITS[2], HITS[1]] });
    fireEvent.submit(screen.getByRole('search'));
    expect(onOpenDrug).toHaveBeenCalledExactlyOnceWith('tizanidine');
  });

  it('lets agents be added to the checker, and says they have no record', () => {
    const { onAddToChecker, onOpenDrug } = renderSearch();
    const alcohol = document.querySelectorAll('.mm-result')[2];
    expect(alcohol.textContent).toContain('No full record yet; used by the interaction checker');
    expect(alcohol.querySelector('.mm-result__open')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add to checker (Alcohol)' }));
    expect(onAddToChecker).toHaveBeenCalledWith('alcohol');
    expect(onOpenDrug).not.toHaveBeenCalled();
  });

  it('shows items already in the checker as added', () => {
    renderSearch({ checkerIds: new Set(['alcohol']) });
    const button = screen.getByRole('button', { name: 'In the checker (Alcohol)' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Add to checker (Baclofen)' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says so when nothing matches', () => {
    renderSearch({ query: ' xyzzy ', results: [] });
    expect(screen.getByRole('status').textContent).toBe('Nothing matches “xyzzy”.');
    expect(document.querySelector('.mm-results')).toBeNull();
  });
});
