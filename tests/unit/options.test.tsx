// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DisabledSitesEditor } from '../../components/options/DisabledSitesEditor';
import { OptionsPage } from '../../components/options/OptionsPage';
import { SettingsForm } from '../../components/options/SettingsForm';
import { DEFAULT_SETTINGS, type Settings } from '../../settings/settings';

afterEach(cleanup);

const radio = (name: string) => screen.getByRole('radio', { name: new RegExp(`^${name}`) }) as HTMLInputElement;

function renderForm(settings: Partial<Settings> = {}) {
  const onChange = vi.fn();
  const result = render(<SettingsForm settings={{ ...DEFAULT_SETTINGS, ...settings }} onChange={onChange} />);
  return { onChange, ...result };
}

describe('SettingsForm', () => {
  it('shows the current settings', () => {
    renderForm({ highlightStyle: 'background', mentions: 'first', hoverDelayMs: 600, paused: true });
    expect(radio('Tinted background').checked).toBe(true);
    expect(radio('Underline').checked).toBe(false);
    expect(radio('First mention of each medicine').checked).toBe(true);
    expect((screen.getByLabelText('Hover delay (ms)') as HTMLInputElement).value).toBe('600');
    expect((screen.getByRole('checkbox', { name: /Pause Medmark on every site/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('reports a highlight style, mention mode and pause as partial settings', () => {
    const { onChange } = renderForm();
    fireEvent.click(radio('None until I hover'));
    expect(onChange).toHaveBeenLastCalledWith({ highlightStyle: 'hover' });
    fireEvent.click(radio('First mention of each medicine'));
    expect(onChange).toHaveBeenLastCalledWith({ mentions: 'first' });
    fireEvent.click(screen.getByRole('checkbox', { name: /Pause Medmark on every site/ }));
    expect(onChange).toHaveBeenLastCalledWith({ paused: true });
  });

  it('stores a hover delay within range', () => {
    const { onChange } = renderForm();
    const field = screen.getByLabelText('Hover delay (ms)') as HTMLInputElement;
    expect(field.min).toBe('100');
    expect(field.max).toBe('2000');
    fireEvent.input(field, { target: { value: '800' } });
    fireEvent.change(field);
    expect(onChange).toHaveBeenCalledExactlyOnceWith({ hoverDelayMs: 800 });
  });

  it('refuses a delay out of range or not a whole number, and says why', () => {
    const { onChange } = renderForm();
    const field = screen.getByLabelText('Hover delay (ms)') as HTMLInputElement;
    for (const value of ['50', '2500', '12.5', '']) {
      fireEvent.input(field, { target: { value } });
      fireEvent.change(field);
    }
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('Enter a whole number of milliseconds from 100 to 2000.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
  });

  it('takes a change from elsewhere into the delay field', () => {
    const { rerender } = renderForm({ hoverDelayMs: 350 });
    rerender(<SettingsForm settings={{ ...DEFAULT_SETTINGS, hoverDelayMs: 900 }} onChange={() => {}} />);
    expect((screen.getByLabelText('Hover delay (ms)') as HTMLInputElement).value).toBe('900');
  });

  it('edits the list of sites through the form', () => {
    const { onChange } = renderForm({ disabledSites: ['example.com'] });
    fireEvent.input(screen.getByLabelText('Add a site'), { target: { value: 'https://www.News.org/path' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(onChange).toHaveBeenCalledWith({ disabledSites: ['example.com', 'news.org'] });
  });
});

describe('DisabledSitesEditor', () => {
  function renderSites(sites: string[] = ['example.com', 'wiki.org']) {
    const onChange = vi.fn();
    render(<DisabledSitesEditor sites={sites} onChange={onChange} />);
    return onChange;
  }
  const add = (value: string) => {
    fireEvent.input(screen.getByLabelText('Add a site'), { target: { value } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
  };

  it('adds a site as its host name and clears the field', () => {
    const onChange = renderSites();
    add(' https://www.Example.net:8080/a?b ');
    expect(onChange).toHaveBeenCalledWith(['example.com', 'wiki.org', 'example.net']);
    expect((screen.getByLabelText('Add a site') as HTMLInputElement).value).toBe('');
  });

  it('refuses input that is not a site, with the reason, and keeps it for correcting', () => {
    const onChange = renderSites();
    add('not a site');
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('“not a site” is not a site name. Enter one such as example.com.');
    expect((screen.getByLabelText('Add a site') as HTMLInputElement).value).toBe('not a site');
    expect(screen.getByLabelText('Add a site').getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses a blank entry and one already listed', () => {
    const onChange = renderSites();
    add('   ');
    expect(screen.getByRole('alert').textContent).toBe('Enter a site name, such as example.com.');
    add('www.example.com');
    expect(screen.getByRole('alert').textContent).toBe('example.com is already on the list.');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('removes a site', () => {
    const onChange = renderSites();
    fireEvent.click(screen.getByRole('button', { name: 'Remove example.com' }));
    expect(onChange).toHaveBeenCalledWith(['wiki.org']);
  });

  it('says when Medmark runs everywhere', () => {
    renderSites([]);
    expect(screen.getByText('None: Medmark runs on every site.')).toBeTruthy();
  });
});

describe('OptionsPage', () => {
  const props = {
    onChange: vi.fn(),
    medications: [{ id: 'warfarin', name: 'Warfarin' }],
    onRemoveMedication: vi.fn(),
    onExportMedications: vi.fn(),
    onImportMedications: vi.fn(),
  };

  it('shows the settings form and My medications', () => {
    render(<OptionsPage {...props} settings={DEFAULT_SETTINGS} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Medmark settings');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Highlighting', 'My medications']);
    expect(radio('Underline').checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Warfarin from My medications' }));
    expect(props.onRemoveMedication).toHaveBeenCalledWith('warfarin');
  });

  it('shows loading until the settings are read', () => {
    render(<OptionsPage {...props} settings={undefined} />);
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(screen.queryByRole('radio')).toBeNull();
  });
});
