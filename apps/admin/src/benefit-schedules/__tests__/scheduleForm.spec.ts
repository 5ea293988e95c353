import {
  adoptLoaded,
  calculate,
  formFromPolicy,
  formPathOf,
  percentInputError,
  placeScheduleErrors,
  type ScheduleForm,
  scheduleFieldPaths,
  scheduleFormErrors,
  toBenefitScheduleSetInput,
} from '../scheduleForm';
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

  it('percentages are checked before sending: 0–100 with at most two decimals (150 % is refused on its field)', () => {
    expect(percentInputError('55')).toBeNull();
    expect(percentInputError('0')).toBeNull();
    expect(percentInputError('100')).toBeNull();
    expect(percentInputError('52.5')).toBeNull();
    expect(percentInputError('150')).toBe('gongji.schedules.rate_range');
    expect(percentInputError('-1')).toBe('gongji.schedules.rate_range');
    expect(percentInputError('')).toBe('gongji.schedules.rate_invalid');
    expect(percentInputError('五十')).toBe('gongji.schedules.rate_invalid');
    const wrong: ScheduleForm = {
      ...form,
      outpatient: { ...form.outpatient, inService: { deductible: '1800.00', fundRate: '150' } },
      bands: form.bands.map((b, i) => (i === 1 ? { ...b, fundRate: '101' } : b)),
      pharmacyFundRate: '',
    };
    expect(scheduleFormErrors(wrong)).toEqual({
      'outpatient.inService.fundRate': 'gongji.schedules.rate_range',
      'inpatient.bands.1.fundRate': 'gongji.schedules.rate_range',
      pharmacyFundRate: 'gongji.schedules.rate_invalid',
    });
    expect(scheduleFormErrors(form)).toEqual({});
  });

  it('server refusals go on the field they name: the hospital level is dropped from the path, the reason has a field', () => {
    expect(formPathOf('outpatient.TERTIARY.inService.fundRate')).toBe('outpatient.inService.fundRate');
    expect(formPathOf('inpatient.PRIMARY.bands.2.fundRate')).toBe('inpatient.bands.2.fundRate');
    expect(formPathOf('reason')).toBe('reason');
    expect(formPathOf('pharmacyFundRate')).toBe('pharmacyFundRate');
    const paths = scheduleFieldPaths(form);
    // (a) a past date without a reason; (b) a rate the server refuses.
    expect(placeScheduleErrors({ fields: { reason: '请填写原因' }, root: null }, paths)).toEqual({
      fields: { reason: '请填写原因' },
      root: null,
    });
    expect(
      placeScheduleErrors(
        {
          fields: {
            'outpatient.TERTIARY.inService.fundRate': '政策设置无效（R-SET-1）',
            'outpatient.SECONDARY.inService.fundRate': '政策设置无效（R-SET-1）',
          },
          root: null,
        },
        paths,
      ),
    ).toEqual({ fields: { 'outpatient.inService.fundRate': '政策设置无效（R-SET-1）' }, root: null });
    // With the form at hand, an out-of-range rate says why in words.
    const wrong: ScheduleForm = {
      ...form,
      outpatient: { ...form.outpatient, inService: { deductible: '1800.00', fundRate: '150' } },
    };
    expect(
      placeScheduleErrors(
        { fields: { 'outpatient.TERTIARY.inService.fundRate': '政策设置无效（R-SET-1）' }, root: null },
        paths,
        wrong,
      ).fields,
    ).toEqual({ 'outpatient.inService.fundRate': 'gongji.schedules.rate_range' });
    // A path the page has no field for is never lost: it stays in the message.
    expect(placeScheduleErrors({ fields: { levels: '医院等级无效' }, root: '请检查' }, paths)).toEqual({
      fields: {},
      root: '请检查；医院等级无效',
    });
  });

  it('a new date loads the schedule in force only into a pristine form; typed figures are kept and the new ones wait', () => {
    const loaded = formFromPolicy(BEIJING);
    // First load, and a pristine form: the schedule in force is taken.
    expect(adoptLoaded({ current: null, baseline: null }, loaded)).toEqual({
      current: loaded,
      baseline: loaded,
      pending: null,
    });
    const later: ScheduleForm = {
      ...loaded,
      outpatient: { ...loaded.outpatient, inService: { deductible: '1800.00', fundRate: '55' } },
    };
    expect(adoptLoaded({ current: loaded, baseline: loaded }, later)).toEqual({
      current: later,
      baseline: later,
      pending: null,
    });
    // The officer typed 1700.00 / 52, then changed the date: the typed figures stay, the new schedule is offered.
    const typed: ScheduleForm = {
      ...loaded,
      outpatient: { ...loaded.outpatient, inService: { deductible: '1700.00', fundRate: '52' } },
    };
    expect(adoptLoaded({ current: typed, baseline: loaded }, later)).toEqual({
      current: typed,
      baseline: loaded,
      pending: later,
    });
    // Back on the date the edits started from: nothing to offer, the edits stay.
    expect(adoptLoaded({ current: typed, baseline: loaded }, loaded)).toEqual({
      current: typed,
      baseline: loaded,
      pending: null,
    });
  });
});
