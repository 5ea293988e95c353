import { freshBatchForm, selectedRegionLabels } from '../bulkRolloutForm';

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
