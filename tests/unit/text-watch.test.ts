// @vitest-environment happy-dom
/**
 * The bootstrap's question (docs/adr/0010): does the page have anything to
 * read yet? In doubt, yes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hasSomethingToRead, whenReadable } from '../../content/text-watch';
import { SHADOW_ATTACHED_EVENT } from '../../content/shadow-attach-signal';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const bodyOf = (html: string) => {
  document.body.innerHTML = html;
  return document.body;
};
let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('hasSomethingToRead', () => {
  it('is false for markup with no text: images, whitespace, scripts, styles, templates, one letter', () => {
    for (const html of [
      '',
      '   \n\t ',
      '<img alt="" src="x.png"><div>  </div>',
      '<script>var baclofen = 1;</script><style>.a{}</style><noscript>Enable scripts</noscript>',
      '<template><p>baclofen</p></template>',
      '<p>a</p>',
    ]) {
      expect(hasSomethingToRead(bodyOf(html)), html).toBe(false);
    }
  });

  it('is true for any text of two letters or more, however deep', () => {
    for (const html of ['<p>Baclofen</p>', '<div><div><span>ok</span></div></div>', 'plain text']) {
      expect(hasSomethingToRead(bodyOf(html)), html).toBe(true);
    }
  });

  it('is true for a component, whose text may live in its shadow tree', () => {
    expect(hasSomethingToRead(bodyOf('<drug-card></drug-card>'))).toBe(true);
    const host = bodyOf('<div id="host"></div>').querySelector('#host')!;
    host.attachShadow({ mode: 'open' });
    expect(hasSomethingToRead(document.body)).toBe(true);
  });
});

describe('whenReadable', () => {
  it('calls at once when the body has text', () => {
    bodyOf('<p>Baclofen</p>');
    let calls = 0;
    stop = whenReadable(document, () => calls++);
    expect(calls).toBe(1);
  });

  it('waits for text added later, or text changed in place, and calls once', async () => {
    for (const add of [
      (slot: Element) => slot.append(document.createElement('p'), 'Baclofen'),
      (slot: Element) => ((slot.firstChild as Text).data = 'Baclofen'),
      (slot: Element) => slot.append(document.createElement('drug-card')),
    ]) {
      const slot = bodyOf('<div id="slot"> </div>').querySelector('#slot')!;
      let calls = 0;
      stop = whenReadable(document, () => calls++);
      slot.append(document.createElement('img'));
      await settle();
      expect(calls).toBe(0);
      add(slot);
      await settle();
      expect(calls).toBe(1);
      slot.append('More text');
      await settle();
      expect(calls).toBe(1);
      stop();
    }
  });

  it('hears of a shadow root attached to an element already in the page', async () => {
    bodyOf('<div id="host"></div>');
    let calls = 0;
    stop = whenReadable(document, () => calls++);
    document.getElementById('host')!.dispatchEvent(new Event(SHADOW_ATTACHED_EVENT, { bubbles: true, composed: true }));
    expect(calls).toBe(1);
  });

  it('calls nothing once stopped', async () => {
    const slot = bodyOf('<div id="slot"></div>').querySelector('#slot')!;
    let calls = 0;
    stop = whenReadable(document, () => calls++);
    stop();
    slot.append('Baclofen');
    await settle();
    expect(calls).toBe(0);
  });
});
