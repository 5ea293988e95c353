import { medicalRelations, outOfScope } from '../kinScopeToday';

describe('R-KIN-1: a funding source outside the provider region’s current scope is marked', () => {
  const scopes = new Map([
    [
      '110000',
      medicalRelations([
        { purpose: 'MEDICAL', relations: ['SPOUSE', 'PARENT', 'CHILD'] },
        { purpose: 'PREMIUM', relations: ['SPOUSE'] },
      ]),
    ],
    ['130100', null],
  ]);

  it('marks a grandchild once Beijing narrowed its medical scope to spouse, parents and children', () => {
    expect(outOfScope('GRANDCHILD', '110000', scopes)).toBe(true);
    expect(outOfScope('CHILD', '110000', scopes)).toBe(false);
  });

  it('never marks on an unknown scope (not loaded, failed, or no region)', () => {
    expect(outOfScope('GRANDCHILD', '130100', scopes)).toBe(false);
    expect(outOfScope('GRANDCHILD', '370100', scopes)).toBe(false);
    expect(outOfScope('GRANDCHILD', undefined, scopes)).toBe(false);
  });

  it('reads the medical purpose only', () => {
    expect(medicalRelations([{ purpose: 'PREMIUM', relations: ['SPOUSE'] }])).toBeNull();
  });
});
