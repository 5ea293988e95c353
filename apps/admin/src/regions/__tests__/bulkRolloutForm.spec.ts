import type { RolloutLine } from '../../data/policy/policyRules';
import {
  bulkPastDayNeedingReason,
  combineRolloutLines,
  dateHint,
  failedBatchLines,
  freshBatchForm,
  refusedCodes,
  rolloutBatches,
  selectedRegionLabels,
} from '../bulkRolloutForm';

describe('bulk rollout dialog', () => {
  it('every new batch starts empty: no reason (document number) from the previous batch, today as the date', () => {
    expect(freshBatchForm('2026-12-02')).toEqual({ feature: 'WALLET', date: '2026-12-02', reason: '' });
  });

  it('names the selected regions before 确认, in the order selected; a name not loaded yet shows the code', () => {
    expect(
      selectedRegionLabels(
        ['120000', '110000', '140200'],
        [
          { id: '110000', name: '北京市', code: '110000' },
          { id: '120000', name: '天津市', code: '120000' },
          undefined,
        ],
      ),
    ).toEqual(['天津市（120000）', '北京市（110000）', '140200']);
  });
});

describe('bulk rollout of more than 100 regions (audit C #2)', () => {
  const codes = Array.from({ length: 457 }, (_, i) => String(100000 + i));

  it('submits every selected region in batches of at most 100, each code once, in the order selected', () => {
    const batches = rolloutBatches([...codes, codes[0]]);
    expect(batches.map((b) => b.length)).toEqual([100, 100, 100, 100, 57]);
    expect(batches.flat()).toEqual(codes);
    expect(rolloutBatches([])).toEqual([]);
  });

  it('combines the batches into one result, refusals first; a failed batch refuses each of its regions', () => {
    const line = (regionCode: string, outcome: RolloutLine['outcome']): RolloutLine => ({
      regionCode,
      name: regionCode,
      outcome,
      messages: [],
    });
    const failed = failedBatchLines(['140100', '140200'], '网络中断', new Map([['140100', '太原市']]));
    expect(failed).toEqual([
      { regionCode: '140100', name: '太原市', outcome: 'REFUSED', messages: ['网络中断'] },
      { regionCode: '140200', name: '140200', outcome: 'REFUSED', messages: ['网络中断'] },
    ]);
    const all = combineRolloutLines([
      [line('1', 'CHANGED'), line('2', 'UNCHANGED')],
      failed,
      [line('3', 'CHANGED')],
    ]);
    expect(all.map((l) => l.regionCode)).toEqual(['140100', '140200', '1', '3', '2']);
    expect(refusedCodes(all)).toEqual(['140100', '140200']);
  });
});

describe('bulk rollout reason for a past day (audit C #3, libs/domain rolloutCorrectionDay)', () => {
  const today = '2026-12-02';

  it('a past date needs a reason; today and future dates do not; a reason satisfies it', () => {
    expect(bulkPastDayNeedingReason('WALLET', '2025-01-01', today, '')).toBe('2025-01-01');
    expect(bulkPastDayNeedingReason('WALLET', '2025-01-01', today, '  ')).toBe('2025-01-01');
    expect(bulkPastDayNeedingReason('WALLET', '2025-01-01', today, '晋医保发〔2024〕1号')).toBeNull();
    expect(bulkPastDayNeedingReason('WALLET', today, today, '')).toBeNull();
    expect(bulkPastDayNeedingReason('WALLET', '2027-01-01', today, '')).toBeNull();
    expect(bulkPastDayNeedingReason('WALLET', '', today, '')).toBeNull();
  });

  it("a region's own past date that the batch moves needs a reason too (the server checks both days)", () => {
    const regions = [
      { id: '140100', walletFrom: '2025-03-01' },
      { id: '140200', walletFrom: null },
      undefined,
    ];
    expect(bulkPastDayNeedingReason('WALLET', '2027-01-01', today, '', regions)).toBe('2025-03-01');
    expect(bulkPastDayNeedingReason('WALLET', '', today, '', regions)).toBe('2025-03-01');
    expect(bulkPastDayNeedingReason('KIN_USE', '2027-01-01', today, '', regions)).toBeNull();
    // Unchanged: the region already has that date.
    expect(bulkPastDayNeedingReason('WALLET', '2025-03-01', '2025-03-01', '', regions)).toBeNull();
  });

  it('a date in force since today that the batch moves needs a reason (what was done today under it changes)', () => {
    const regions = [{ id: '140100', walletFrom: today }];
    expect(bulkPastDayNeedingReason('WALLET', '2027-01-01', today, '', regions)).toBe(today);
    expect(bulkPastDayNeedingReason('WALLET', today, today, '', regions)).toBeNull();
  });

  it('the date hint says which of clear / scheduled / now / past applies', () => {
    expect(dateHint('', today)).toBe('clear');
    expect(dateHint('2027-01-01', today)).toBe('scheduled');
    expect(dateHint(today, today)).toBe('now');
    expect(dateHint('2025-01-01', today)).toBe('past');
  });
});
