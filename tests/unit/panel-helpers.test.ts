import { describe, expect, it } from 'vitest';
import { drugIdFromAddress } from '../../components/panel/deep-link';
import { pageDrugsFrom, pageDrugsUnavailableReason } from '../../components/panel/page-drugs';

describe('drugIdFromAddress', () => {
  it('reads ?drug=, #drug= and a bare #id, the hash first', () => {
    expect(drugIdFromAddress('?drug=baclofen', '')).toBe('baclofen');
    expect(drugIdFromAddress('', '#drug=amphetamine-dextroamphetamine')).toBe('amphetamine-dextroamphetamine');
    expect(drugIdFromAddress('', '#warfarin')).toBe('warfarin');
    expect(drugIdFromAddress('?drug=baclofen', '#drug=warfarin')).toBe('warfarin');
  });

  it('ignores anything that is not a record id', () => {
    expect(drugIdFromAddress('', '')).toBeUndefined();
    expect(drugIdFromAddress('?drug=Baclofen', '')).toBeUndefined();
    expect(drugIdFromAddress('?drug=../x', '#<img>')).toBeUndefined();
    expect(drugIdFromAddress('?other=baclofen', '#%E0%A4%A')).toBeUndefined();
    // A bad hash falls back to the query.
    expect(drugIdFromAddress('?drug=sertraline', '#drug=')).toBe('sertraline');
  });
});

describe('pageDrugsFrom', () => {
  const drugs = [{ id: 'ibuprofen', count: 2, names: ['Advil'] }];

  it('is ready when Medmark is on and found medicines', () => {
    const page = pageDrugsFrom({ status: 'on', host: 'example.com', drugs });
    expect(page).toEqual({ state: 'ready', drugs });
    expect(pageDrugsUnavailableReason(page)).toBeUndefined();
  });

  it('gives a reason for every other answer', () => {
    const reason = (state: Parameters<typeof pageDrugsFrom>[0]) => pageDrugsUnavailableReason(pageDrugsFrom(state));
    expect(reason(undefined)).toBe('Medmark is not running on this page');
    expect(reason({ status: 'on', host: 'example.com', drugs: [] })).toBe('No medicines found on this page');
    expect(reason({ status: 'site-off', host: 'example.com', drugs: [] })).toBe(
      'Medmark is not running on this page (it is switched off on this site)',
    );
    expect(reason({ status: 'paused', host: 'example.com', drugs: [] })).toBe('Medmark is not running on this page (it is paused)');
    expect(pageDrugsUnavailableReason({ state: 'loading' })).toBe('Looking for medicines on this page…');
  });
});
