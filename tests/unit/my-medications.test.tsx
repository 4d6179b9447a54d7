// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MyMedications, type ImportOutcome, type MedicationEntry } from '../../components/MyMedications';

afterEach(cleanup);

const LIST: MedicationEntry[] = [
  { id: 'sertraline', name: 'Sertraline' },
  { id: 'digoxin', name: 'Digoxin', hasRecord: false },
];

function renderList(overrides: Partial<Parameters<typeof MyMedications>[0]> = {}) {
  const props = {
    medications: LIST,
    onRemove: vi.fn(),
    onExport: vi.fn(),
    onImportFile: vi.fn<(file: File) => Promise<ImportOutcome>>(),
    emptyHint: 'Add some from the side panel.',
    ...overrides,
  };
  const result = render(<MyMedications {...props} />);
  return { props, ...result };
}

const chooseFile = (file: File) => {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
};

describe('MyMedications', () => {
  it('lists the medicines and removes one', () => {
    const { props } = renderList();
    expect([...document.querySelectorAll('.mm-chip > span')].map((s) => s.textContent)).toEqual(['Sertraline', 'Digoxin']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Digoxin from My medications' }));
    expect(props.onRemove).toHaveBeenCalledWith('digoxin');
  });

  it('opens records from the names when it can, but not for a medicine without one', () => {
    const onOpenDrug = vi.fn();
    renderList({ onOpenDrug });
    fireEvent.click(screen.getByRole('button', { name: 'Sertraline' }));
    expect(onOpenDrug).toHaveBeenCalledWith('sertraline');
    expect(screen.queryByRole('button', { name: 'Digoxin' })).toBeNull();
  });

  it('exports on request, and not when the list is empty', () => {
    const { props, unmount } = renderList();
    fireEvent.click(screen.getByRole('button', { name: 'Export list' }));
    expect(props.onExport).toHaveBeenCalledOnce();
    unmount();
    renderList({ medications: [] });
    expect((screen.getByRole('button', { name: 'Export list' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Your list is empty. Add some from the side panel.')).toBeTruthy();
  });

  it('imports a chosen file and says how many medicines came in', async () => {
    const onImportFile = vi.fn(async (): Promise<ImportOutcome> => ({ ok: true, count: 3 }));
    renderList({ onImportFile });
    const file = new File(['{}'], 'medmark-medications.json', { type: 'application/json' });
    chooseFile(file);
    expect(onImportFile).toHaveBeenCalledWith(file);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported 3 medicines'));
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('says "1 medicine" for one', async () => {
    renderList({ onImportFile: async () => ({ ok: true, count: 1 }) });
    chooseFile(new File(['{}'], 'a.json'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported 1 medicine'));
  });

  it('shows the error of a refused file, and the list stays as it was', async () => {
    const error = 'This is not a Medmark medication list. Nothing was changed.';
    const { props } = renderList({ onImportFile: vi.fn(async (): Promise<ImportOutcome> => ({ ok: false, error })) });
    chooseFile(new File(['nope'], 'other.json'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(error));
    expect(screen.getByRole('status').textContent).toBe('');
    expect([...document.querySelectorAll('.mm-chip > span')].map((s) => s.textContent)).toEqual(['Sertraline', 'Digoxin']);
    expect(props.onRemove).not.toHaveBeenCalled();
  });

  it('says so when the file cannot be read at all', async () => {
    renderList({ onImportFile: () => Promise.reject(new Error('NotReadableError')) });
    chooseFile(new File(['x'], 'gone.json'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Medmark could not read this file. Nothing was changed.'));
  });
});
