import { validateInstitution } from '../institutionRules';

const hospital = {
  code: 'H11010100001',
  name: '北京协和医院',
  kind: 'HOSPITAL',
  level: 'TERTIARY',
  regionCode: '110000',
};

describe('institution form checks', () => {
  it('accepts a hospital and a pharmacy as the demo data has them (code in any case)', () => {
    expect(validateInstitution(hospital)).toEqual({});
    expect(
      validateInstitution({ ...hospital, code: 'p37020200002', kind: 'PHARMACY', level: 'OTHER' }),
    ).toEqual({});
  });

  it('names every missing field', () => {
    expect(validateInstitution({ code: ' ', name: '' })).toEqual({
      code: 'ra.validation.required',
      name: 'ra.validation.required',
      kind: 'ra.validation.required',
      level: 'ra.validation.required',
      regionCode: 'ra.validation.required',
    });
  });

  it.each(['H1101010000', 'H110101000011', 'X11010100001', 'H1101010000A'])('refuses the code %s', (code) => {
    expect(validateInstitution({ ...hospital, code })).toEqual({ code: 'gongji.institutions.code_invalid' });
  });

  it("refuses a code whose letter is not the kind's, a pharmacy above OTHER and a name over 128 characters", () => {
    expect(validateInstitution({ ...hospital, code: 'P11010100001' })).toEqual({
      code: 'gongji.institutions.code_kind_mismatch',
    });
    expect(validateInstitution({ ...hospital, code: 'P11010100001', kind: 'PHARMACY' })).toEqual({
      level: 'gongji.institutions.pharmacy_level',
    });
    expect(validateInstitution({ ...hospital, name: '院'.repeat(129) })).toEqual({
      name: 'gongji.institutions.name_too_long',
    });
  });
});
