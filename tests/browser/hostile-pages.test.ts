/**
 * Pages built in ways that defeat a naive scanner (issue 9): a page that
 * replaces its <body> (Turbo-style navigation), web components with open and
 * closed shadow roots, and text in code blocks or split across inline
 * elements. The built extension in real Chromium.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUpExtensionSuite } from './helpers/extension-suite';

/** The few extension APIs the tests call in the background (no @types/chrome needed). */
declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: object, options: { frameId: number }): Promise<unknown>;
  };
};

const suite = setUpExtensionSuite();

async function open(path: string): Promise<Page> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.server.origin}${path}`);
  return page;
}

/** [text, drug] of the marks under `selector` (Playwright's CSS pierces open shadow roots). */
const highlights = (page: Page, selector: string) =>
  page.locator(`${selector} mark[data-medmark]`).evaluateAll((marks) => marks.map((m) => [m.textContent, (m as HTMLElement).dataset.drug]));

/** The drug ids the page reports to the toolbar popup (`medmark/page-state`), as the popup asks for them. */
async function pageDrugs(page: Page): Promise<string[]> {
  await page.bringToFront();
  return suite.browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const state = (await chrome.tabs.sendMessage(tab.id!, { type: 'medmark/page-state' }, { frameId: 0 })) as { drugs: { id: string }[] };
    return state.drugs.map((d) => d.id);
  });
}

const preview = (page: Page) => page.locator('[data-medmark-ui] .mm-preview-box');
const popover = (page: Page) => page.locator('[data-medmark-ui] .mm-popover');

describe('a page that replaces its body', () => {
  it('keeps highlighting each new body, and the drug list follows it', async () => {
    const page = await open('/hostile/body-swap.html');
    await expect.poll(() => highlights(page, '#first'), { timeout: 15_000 }).toEqual([['baclofen', 'baclofen']]);
    await expect.poll(() => pageDrugs(page)).toEqual(['baclofen']);

    // `document.body = next`
    await page.evaluate(() =>
      (window as unknown as { swapBody(html: string, how: string): void }).swapBody(
        '<p id="second">Page two: Lexapro and metformin.</p>',
        'assign',
      ),
    );
    await expect
      .poll(() => highlights(page, '#second'), { timeout: 10_000 })
      .toEqual([
        ['Lexapro', 'escitalopram'],
        ['metformin', 'metformin'],
      ]);
    // Baclofen left with the old body.
    await expect.poll(() => pageDrugs(page)).toEqual(['escitalopram', 'metformin']);
    // The new body is watched too, and its highlights have the preview.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p id="later">Added later: amlodipine.</p>'));
    await expect.poll(() => highlights(page, '#later'), { timeout: 10_000 }).toEqual([['amlodipine', 'amlodipine']]);
    await page.hover('#second mark[data-drug="metformin"]');
    await expect.poll(() => preview(page).locator('.mm-preview__name').textContent(), { timeout: 5_000 }).toBe('Metformin');
    await page.mouse.move(5, 5);

    // `html.replaceChild(next, body)`: a second swap works as well.
    await page.evaluate(() =>
      (window as unknown as { swapBody(html: string, how: string): void }).swapBody(
        '<p id="third">Page three: lisinopril.</p>',
        'replaceChild',
      ),
    );
    await expect.poll(() => highlights(page, '#third'), { timeout: 10_000 }).toEqual([['lisinopril', 'lisinopril']]);
    await expect.poll(() => pageDrugs(page)).toEqual(['lisinopril']);
    await page.locator('#third mark').click();
    await expect.poll(() => popover(page).locator('h2').textContent(), { timeout: 5_000 }).toBe('Lisinopril');
    await page.close();
  });
});

describe('web components', () => {
  it('highlights text in open shadow roots, at load, nested, defined late and added late, with styles and the preview', async () => {
    const page = await open('/hostile/shadow-roots.html');
    await expect.poll(() => highlights(page, '#at-load'), { timeout: 15_000 }).toEqual([['baclofen', 'baclofen']]);
    expect(await highlights(page, '#light')).toEqual([['lisinopril', 'lisinopril']]);
    await expect.poll(() => highlights(page, '#nested')).toEqual([['meloxicam', 'meloxicam']]);
    // One second after load: a definition upgrades an element already in the page, and a component is added.
    await expect.poll(() => highlights(page, '#late-defined'), { timeout: 10_000 }).toEqual([['Lexapro', 'escitalopram']]);
    await expect.poll(() => highlights(page, '#added'), { timeout: 10_000 }).toEqual([['Zoloft', 'sertraline']]);
    // A root attached late to a plain element that was in the page all along.
    await expect.poll(() => highlights(page, '#late-attached'), { timeout: 10_000 }).toEqual([['warfarin', 'warfarin']]);
    // Text a component renders later into a root we already know.
    await page.evaluate(() =>
      (document.getElementById('at-load') as HTMLElement & { addLine(t: string): void }).addLine('Later in the same root: amlodipine.'),
    );
    await expect.poll(() => highlights(page, '#at-load .added'), { timeout: 10_000 }).toEqual([['amlodipine', 'amlodipine']]);

    // The highlight styles reach into the shadow root (despite the page's style-src CSP).
    const mark = page.locator('#at-load mark[data-drug="baclofen"]');
    const style = await mark.evaluate((m) => {
      const s = getComputedStyle(m);
      return { decoration: `${s.textDecorationLine} ${s.textDecorationStyle}`, background: s.backgroundColor };
    });
    expect(style.decoration).toBe('underline dotted');
    expect(style.background).not.toBe('rgb(255, 255, 0)'); // the browser's own <mark> yellow

    // Hover and click are delegated from the document through the shadow boundary.
    await mark.hover();
    await expect.poll(() => preview(page).locator('.mm-preview__name').textContent(), { timeout: 5_000 }).toBe('Baclofen');
    await page.locator('#added mark').click();
    await expect.poll(() => popover(page).locator('h2').textContent(), { timeout: 5_000 }).toBe('Sertraline');

    // Our own UI is never scanned, though it is full of drug names.
    await page.waitForTimeout(500);
    expect(await page.$eval('[data-medmark-ui]', (host) => host.shadowRoot!.querySelectorAll('mark').length)).toBe(0);
    expect(await popover(page).locator('mark').count()).toBe(0);
    await page.close();
  });

  it('learns of late roots without changing attachShadow as the page sees it', async () => {
    const page = await open('/hostile/shadow-roots.html');
    await expect.poll(() => highlights(page, '#at-load'), { timeout: 15_000 }).toEqual([['baclofen', 'baclofen']]);
    const seen = await page.evaluate(() => {
      const attach = Element.prototype.attachShadow;
      const host = document.createElement('span');
      const root = attach.call(host, { mode: 'closed' });
      let threw = '';
      try {
        attach.call(host, { mode: 'open' }); // a second root is refused, as natively
      } catch (error) {
        threw = (error as Error).name;
      }
      return {
        name: attach.name,
        length: attach.length,
        source: Function.prototype.toString.call(attach),
        closed: host.shadowRoot === null && root instanceof ShadowRoot,
        threw,
      };
    });
    // A Proxy of a native function reads as native code to the page's checks (V8 leaves the name out).
    expect(seen).toEqual({
      name: 'attachShadow',
      length: 1,
      source: 'function () { [native code] }',
      closed: true,
      threw: 'NotSupportedError',
    });
    await page.close();
  });

  it('leaves closed shadow roots alone', async () => {
    const page = await open('/hostile/shadow-roots.html');
    await expect.poll(() => highlights(page, '#late-defined'), { timeout: 15_000 }).toEqual([['Lexapro', 'escitalopram']]);
    const closed = await page.evaluate(() => (window as unknown as { closedRoot: ShadowRoot }).closedRoot.innerHTML);
    expect(closed).toBe('<p>Closed shadow root: metformin.</p>');
    expect(await pageDrugs(page)).not.toContain('metformin');
    await page.close();
  });
});

describe('code blocks and split names', () => {
  it('highlights names in <pre> and <code>, and a name split across elements only by the parts that are names on their own', async () => {
    const page = await open('/hostile/code-and-split.html');
    await expect.poll(() => highlights(page, '#whole'), { timeout: 15_000 }).toEqual([['insulin glargine', 'insulin-glargine']]);
    // Code blocks are text people read (labels, pasted notes): highlighted, and the text is unchanged.
    expect(await highlights(page, '#pre')).toEqual([['BACLOFEN', 'baclofen']]);
    expect(await highlights(page, '#code')).toEqual([['lisinopril', 'lisinopril']]);
    expect(await page.$eval('#pre', (pre) => pre.textContent)).toBe('Rx label\nBACLOFEN 10 MG TABLET\nTake one tablet three times a day');
    // Each text node is matched on its own: "insulin" alone is the insulin family record, "glargine" is insulin glargine.
    expect(await highlights(page, '#split-insulin')).toEqual([
      ['insulin', 'insulin'],
      ['glargine', 'insulin-glargine'],
    ]);
    expect(await highlights(page, '#split-salt')).toEqual([['metoprolol', 'metoprolol']]);
    expect(await highlights(page, '#split-word')).toEqual([]);
    await page.close();
  });
});
