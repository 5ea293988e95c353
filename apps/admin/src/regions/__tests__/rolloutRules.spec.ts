import { checkRollout } from '../rolloutRules';

describe('edit-form preview through libs/domain', () => {
  it('R-KIN-3: flags mutual-aid use before registration on the use field', () => {
    const result = checkRollout({ mutualAidRegistrationFrom: '2025-03-01', mutualAidUseFrom: '2025-02-01' });
    expect(result).toEqual({
      available: true,
      violations: [expect.objectContaining({ field: 'mutualAidUseFrom', rule: 'R-KIN-3' })],
    });
  });

  it('issue #9: the message comes from the domain catalogue, in Chinese by default and in English on request', () => {
    const values = { mutualAidRegistrationFrom: '2025-03-01', mutualAidUseFrom: '2025-02-01' };
    expect(checkRollout(values)).toMatchObject({
      violations: [{ message: '家庭共济使用开始日期（2025年2月1日）不能早于备案开始日期（2025年3月1日）' }],
    });
    expect(checkRollout(values, null, 'en')).toMatchObject({
      violations: [
        { message: 'Mutual-aid use (1 February 2025) cannot start before registration opens (1 March 2025)' },
      ],
    });
  });

  it('treats empty inputs as unset and a city inherits the province dates', () => {
    expect(
      checkRollout(
        { mutualAidUseFrom: '2025-04-01', walletFrom: '' },
        { mutualAidRegistrationFrom: '2025-03-01' },
      ),
    ).toEqual({
      available: true,
      violations: [],
    });
  });

  it('R-WAL-2 (issue #10): 全域 only on a province with a wallet date, named in the message', () => {
    const tianjin = { code: '120000', level: 'PROVINCE', name: '天津市' };
    expect(checkRollout({ walletFullCoverage: true }, null, 'zh', tianjin)).toMatchObject({
      violations: [
        {
          field: 'walletFullCoverage',
          message: '天津市尚未设置医保钱包开通日期，不能标记为全域开通',
          rule: 'R-WAL-2',
        },
      ],
    });
    expect(checkRollout({ walletFullCoverage: true, walletFrom: '2031-01-01' }, null, 'zh', tianjin)).toEqual(
      {
        available: true,
        violations: [],
      },
    );
    expect(
      checkRollout({ walletFullCoverage: true }, {}, 'zh', { code: '530300', level: 'CITY', name: '曲靖市' }),
    ).toMatchObject({ violations: [{ message: '曲靖市不是省级单位，不能标记为全域开通' }] });
  });
});
