import { checkRollout } from '../rolloutRules';

describe('edit-form preview through libs/domain', () => {
  it('R-KIN-3: flags mutual-aid use before registration on the use field', () => {
    const result = checkRollout({ mutualAidRegistrationFrom: '2025-03-01', mutualAidUseFrom: '2025-02-01' });
    expect(result).toEqual({
      available: true,
      violations: [expect.objectContaining({ field: 'mutualAidUseFrom', rule: 'R-KIN-3' })],
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
});
