// @vitest-environment happy-dom
/**
 * The keyboard shortcuts (issue 12): declared as commands, turned into page
 * requests, and where next/previous goes on the page.
 */
import { describe, expect, it } from 'vitest';
import { deepActiveElement, stepTarget } from '../../content/highlight-step';
import { COMMANDS, displayShortcut, manifestCommands, requestForCommand } from '../../messaging/commands';
import { isTabRequest } from '../../messaging/tab-protocol';

describe('commands', () => {
  it('declares every shortcut with a key the browsers accept and a description', () => {
    const manifest = manifestCommands();
    expect(Object.keys(manifest).sort()).toEqual(['next-highlight', 'previous-highlight', 'toggle-highlights']);
    // Chrome and Firefox: Ctrl or Alt, optionally Shift, and one key; at most four suggested keys per extension.
    for (const command of Object.values(manifest)) {
      expect(command.suggested_key.default).toMatch(
        /^(Ctrl|Alt)\+(Shift\+)?([A-Z0-9]|Comma|Period|Home|End|PageUp|PageDown|Space|Insert|Delete|Up|Down|Left|Right)$/,
      );
      expect(command.description.length).toBeGreaterThan(10);
    }
    expect(new Set(Object.values(COMMANDS).map((c) => c.key)).size).toBe(Object.keys(COMMANDS).length);
  });

  it('turns each command into a request the page understands, and ignores others', () => {
    for (const name of Object.keys(COMMANDS)) expect(isTabRequest(requestForCommand(name))).toBe(true);
    expect(requestForCommand('next-highlight')).toEqual({ type: 'medmark/step', direction: 'next' });
    expect(requestForCommand('previous-highlight')).toEqual({ type: 'medmark/step', direction: 'previous' });
    expect(requestForCommand('toggle-highlights')).toEqual({ type: 'medmark/toggle-page' });
    expect(requestForCommand('_execute_action')).toBeUndefined();
    expect(isTabRequest({ type: 'medmark/step', direction: 'sideways' })).toBe(false);
  });

  it('shows keys the way they are printed on the keyboard', () => {
    expect(displayShortcut('Alt+Shift+Period')).toBe('Alt+Shift+.');
    expect(displayShortcut('Alt+Shift+Comma')).toBe('Alt+Shift+,');
    expect(displayShortcut('Alt+Shift+H')).toBe('Alt+Shift+H');
  });
});

describe('stepTarget', () => {
  const page = (html: string) => {
    document.body.innerHTML = html;
    return Array.from(document.querySelectorAll<HTMLElement>('mark'));
  };
  const at = (marks: HTMLElement[], tops: number[]) =>
    marks.forEach((m, i) => (m.getBoundingClientRect = () => ({ top: tops[i], bottom: tops[i] + 20 }) as DOMRect));

  it('goes on from the focused highlight, or the one inside the focused link, wrapping round', () => {
    const marks = page('<p><mark tabindex="0">a</mark> <a href="#x">see <mark>b</mark></a> <mark tabindex="0">c</mark></p>');
    expect(stepTarget(marks, marks[0], undefined, 'next', 800)).toBe(1);
    expect(stepTarget(marks, document.querySelector('a'), undefined, 'next', 800)).toBe(2);
    expect(stepTarget(marks, marks[2], undefined, 'next', 800)).toBe(0);
    expect(stepTarget(marks, marks[0], undefined, 'previous', 800)).toBe(2);
  });

  it('goes on from the last step when focus has left the highlights', () => {
    const marks = page('<p><mark>a</mark> <mark>b</mark> <mark>c</mark></p>');
    expect(stepTarget(marks, document.body, marks[1], 'next', 800)).toBe(2);
    expect(stepTarget(marks, document.body, marks[1], 'previous', 800)).toBe(0);
    // A last step that the page removed does not count.
    const gone = document.createElement('mark');
    at(marks, [-500, 100, 900]);
    expect(stepTarget(marks, document.body, gone, 'next', 800)).toBe(1);
  });

  it('starts from what is in view: the first going forward, the last going back', () => {
    const marks = page('<p><mark>a</mark> <mark>b</mark> <mark>c</mark> <mark>d</mark></p>');
    at(marks, [-500, 100, 700, 1500]);
    expect(stepTarget(marks, null, undefined, 'next', 800)).toBe(1);
    expect(stepTarget(marks, null, undefined, 'previous', 800)).toBe(2);
    at(marks, [-900, -700, -500, -300]);
    expect(stepTarget(marks, null, undefined, 'next', 800)).toBe(0);
    expect(stepTarget([], null, undefined, 'next', 800)).toBe(-1);
  });

  it('finds focus inside an open shadow root', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<mark tabindex="0">a</mark>';
    const mark = shadow.querySelector('mark')!;
    mark.focus();
    expect(deepActiveElement(document)).toBe(mark);
  });
});
