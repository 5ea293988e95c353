import { calculate, formFromPolicy, type ScheduleForm, toBenefitScheduleSetInput } from '../scheduleForm';
import type { EffectivePolicyView } from '../../data/policy/policyTypes';

const terms = (deductible: string, fundRate: number) => ({ deductible, fundRate });
const level = (l: string) => ({
  level: l,
  inService: terms('1800.00', 5000),
  retiredUnder70: terms('1300.00', 7000),
  retired70Plus: terms('1300.00', 8000),
  annualFundCap: null,
});
const inpatient = (l: string) => ({
  level: l,
  firstAdmissionDeductible: '1300.00',
  laterAdmissionDeductible: '650.00',
  bands: [
    { upTo: '30000.00', fundRate: 8500 },
    { upTo: '40000.00', fundRate: 9000 },
    { upTo: null, fundRate: 9500 },
  ],
  retireePersonalShareFactor: 6000,
  annualFundMax: null,
});
const BEIJING = {
  outpatient: ['TERTIARY', 'SECONDARY', 'PRIMARY', 'OTHER'].map(level),
  inpatient: ['TERTIARY', 'SECONDARY', 'PRIMARY', 'OTHER'].map(inpatient),
  pharmacyFundRate: 0,
} as unknown as EffectivePolicyView;

const bill = {
  visitType: 'OUTPATIENT' as const,
  category: 'inService' as const,
  covered: '2000.00',
  outOfCatalogue: '0',
  coveredEarlier: '0',
  admissionsEarlier: 0,
  serviceDate: '2026-03-02',
};

describe('benefit-schedule editor and live calculator (R-SET, issue #10)', () => {
  const form = formFromPolicy(BEIJING);

  it('R-SET-1 worked example of DOMAIN.md: in service, first visit, covered 2,000.00 → fund 100.00, personal 1,900.00', () => {
    expect(calculate(form, bill)).toEqual({
      fund: '100.00',
      personal: '1900.00',
      total: '2000.00',
      rules: ['R-SET-1'],
    });
  });

  it('R-SET-1: a retiree of 70 or older gets 80 % above 1,300; an edited rate changes the split at once', () => {
    expect(calculate(form, { ...bill, category: 'retired70Plus' }).fund).toBe('560.00');
    const edited: ScheduleForm = {
      ...form,
      outpatient: { ...form.outpatient, inService: { deductible: '1000.00', fundRate: '60' } },
    };
    expect(calculate(edited, bill).fund).toBe('600.00');
  });

  it('R-SET-2: inpatient bands, later-admission deductible; R-SET-3 out-of-catalogue stays personal', () => {
    const first = calculate(form, { ...bill, visitType: 'INPATIENT', covered: '31300.00' });
    // Bands are of the admission's covered cost: 1,300–30,000 at 85 % = 24,395; 30,000–31,300 at 90 % = 1,170.
    expect(first.fund).toBe('25565.00');
    const later = calculate(form, {
      ...bill,
      visitType: 'INPATIENT',
      covered: '10650.00',
      admissionsEarlier: 1,
    });
    expect(later.fund).toBe('8500.00');
    const outOfCatalogue = calculate(form, { ...bill, outOfCatalogue: '300.00' });
    expect(outOfCatalogue).toMatchObject({ fund: '100.00', personal: '2200.00', total: '2300.00' });
    expect(outOfCatalogue.rules).toContain('R-SET-3');
  });

  it('the form becomes BenefitScheduleSetInput: percents to basis points, empty caps to null, all levels omitted', () => {
    const input = toBenefitScheduleSetInput(form, {
      regionCode: '110000',
      effectiveFrom: '2031-01-01',
      scheme: 'EMPLOYEE',
      levels: ['TERTIARY', 'SECONDARY', 'PRIMARY', 'OTHER'],
      reason: ' 年度调整 ',
    });
    expect(input).toMatchObject({
      regionCode: '110000',
      scheme: 'EMPLOYEE',
      reason: '年度调整',
      outpatient: { inService: { deductible: '1800.00', fundRate: 5000 }, annualFundCap: null },
      inpatient: {
        bands: [
          { upTo: '30000.00', fundRate: 8500 },
          { upTo: '40000.00', fundRate: 9000 },
          { upTo: null, fundRate: 9500 },
        ],
      },
      pharmacyFundRate: 0,
    });
    expect(input).not.toHaveProperty('levels');
    expect(
      toBenefitScheduleSetInput(form, {
        regionCode: null,
        effectiveFrom: '2031-01-01',
        scheme: 'RESIDENT',
        levels: ['PRIMARY'],
        reason: '',
      }),
    ).toMatchObject({
      levels: ['PRIMARY'],
      scheme: 'RESIDENT',
    });
  });
});
