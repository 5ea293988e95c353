import { HttpError } from 'ra-core';
import { asFieldsError, fieldsHttpError, moneyInputError, saveErrorsOf, withoutCode } from '../moneyInput';
import {
  billMoneyErrors,
  capsMoneyErrors,
  scheduleMoneyErrors,
  type ScheduleForm,
} from '../../benefit-schedules/scheduleForm';

const FORM: ScheduleForm = {
  outpatient: {
    inService: { deductible: '1800.00', fundRate: '50' },
    retiredUnder70: { deductible: '1300', fundRate: '70' },
    retired70Plus: { deductible: '1300.5', fundRate: '80' },
  },
  annualFundCap: '',
  firstAdmissionDeductible: '1300.00',
  laterAdmissionDeductible: '650.00',
  bands: [
    { upTo: '30000.00', fundRate: '85' },
    { upTo: '', fundRate: '95' },
  ],
  retireePersonalShareFactor: '60',
  annualFundMax: '',
  pharmacyFundRate: '0',
};

describe('moneyInputError (an amount typed in yuan)', () => {
  it.each(['0', '1800', '1800.5', '1800.00'])('accepts %s', (text) => {
    expect(moneyInputError(text)).toBeNull();
  });

  it('refuses more than two decimals, a negative amount and text', () => {
    expect(moneyInputError('1.005')).toBe('gongji.money_input.decimals');
    expect(moneyInputError('-1')).toBe('gongji.money_input.negative');
    expect(moneyInputError('1,800')).toBe('gongji.money_input.invalid');
    expect(moneyInputError('abc')).toBe('gongji.money_input.invalid');
  });

  it('requires an amount unless the field is optional', () => {
    expect(moneyInputError('  ')).toBe('gongji.money_input.required');
    expect(moneyInputError('', { optional: true })).toBeNull();
  });
});

describe('the benefit-schedule form’s amounts, on their fields', () => {
  it('finds nothing wrong in a valid form', () => {
    expect(scheduleMoneyErrors(FORM)).toEqual({});
  });

  it('names the field of a bad amount by its input path (what the server names too)', () => {
    const form = {
      ...FORM,
      outpatient: { ...FORM.outpatient, inService: { deductible: '1.005', fundRate: '50' } },
      bands: [FORM.bands[0], { upTo: '-5', fundRate: '95' }],
    };
    expect(scheduleMoneyErrors(form)).toEqual({
      'outpatient.inService.deductible': 'gongji.money_input.decimals',
      'inpatient.bands.1.upTo': 'gongji.money_input.negative',
    });
  });

  it('checks the caps (empty = none)', () => {
    expect(
      capsMoneyErrors({ perInstitutionPerDay: '', perDayAcrossInstitutions: '1.001', perYear: '5000' }),
    ).toEqual({
      perDayAcrossInstitutions: 'gongji.money_input.decimals',
    });
  });

  it('the calculator checks only its own amounts', () => {
    const bill = {
      visitType: 'OUTPATIENT' as const,
      category: 'inService' as const,
      covered: '2000.00',
      outOfCatalogue: '0',
      coveredEarlier: '0',
      admissionsEarlier: 0,
      serviceDate: '2026-12-02',
    };
    expect(billMoneyErrors(bill)).toEqual({});
    expect(billMoneyErrors({ ...bill, covered: '1.005' })).toEqual({
      covered: 'gongji.money_input.decimals',
    });
  });
});

describe('a server refusal on its field, without a raw code', () => {
  it('drops the code the API appends, keeps DOMAIN.md rule ids', () => {
    expect(withoutCode('金额最多两位小数（分）（MONEY）')).toBe('金额最多两位小数（分）');
    expect(withoutCode('Money has at most two decimals (fen) (MONEY)')).toBe(
      'Money has at most two decimals (fen)',
    );
    expect(withoutCode('互助使用日期不得早于备案日期 (R-KIN-3)')).toBe(
      '互助使用日期不得早于备案日期 (R-KIN-3)',
    );
  });

  it('maps BAD_USER_INPUT with extensions.field onto the field', () => {
    const apollo = {
      graphQLErrors: [
        {
          message: '金额最多两位小数（分）（MONEY）',
          extensions: { code: 'BAD_USER_INPUT', field: ['input', 'outpatient', 'inService', 'deductible'] },
        },
      ],
    };
    expect(saveErrorsOf(new HttpError('x', 400, apollo))).toEqual({
      fields: { 'outpatient.inService.deductible': '金额最多两位小数（分）' },
      root: null,
    });
  });

  it('maps userErrors.field onto the field and keeps the rest for the section', () => {
    const userErrors = [
      {
        code: 'INVALID_INPUT',
        message: '起付线不能为负数（MONEY）',
        field: ['input', 'inpatient', 'annualFundMax'],
      },
      { code: 'REASON_REQUIRED', message: '生效日期早于今天时须填写原因', field: null },
    ];
    expect(saveErrorsOf(new HttpError('x', 400, { errors: {}, userErrors }))).toEqual({
      fields: { 'inpatient.annualFundMax': '起付线不能为负数' },
      root: '生效日期早于今天时须填写原因',
    });
  });

  it('a top-level refusal naming no field stays a message, without its code', () => {
    const apollo = {
      graphQLErrors: [{ message: '金额格式无效（MONEY）', extensions: { code: 'BAD_USER_INPUT' } }],
    };
    expect(saveErrorsOf(new HttpError('x', 400, apollo))).toEqual({ fields: {}, root: '金额格式无效' });
  });
});

describe('ActionDialog field errors (the refund amount)', () => {
  it('puts a refusal on its field and the rest in root.serverError', () => {
    const userErrors = [
      { code: 'INVALID_INPUT', message: '退费金额超过可退金额', rule: 'R-REF-1', field: ['input', 'amount'] },
    ];
    const error = asFieldsError(new HttpError('x', 400, { errors: {}, userErrors })) as HttpError;
    expect(error.body).toEqual({ errors: { amount: '退费金额超过可退金额 (R-REF-1)' } });
    expect(fieldsHttpError({}, '已撤销').body).toEqual({ errors: { root: { serverError: '已撤销' } } });
  });

  it('passes other failures through', () => {
    const forbidden = new HttpError('gongji.errors.forbidden', 403);
    expect(asFieldsError(forbidden)).toBe(forbidden);
  });
});

describe('thousands separators in money inputs', () => {
  it.each([
    ['1,000', '1000'],
    ['12,345,678.90', '12345678.90'],
    ['1，000.5', '1000.5'],
    [' 800 ', '800'],
  ])('%s is read as %s', async (text, expected) => {
    const { normalizeMoneyText } = await import('../moneyInput');
    expect(normalizeMoneyText(text)).toBe(expected);
    expect(moneyInputError(text, { grouping: true })).toBeNull();
  });

  it('badly grouped digits are still refused, and strict inputs keep refusing commas', () => {
    expect(moneyInputError('1,00', { grouping: true })).toBe('gongji.money_input.invalid');
    expect(moneyInputError('10,00.5', { grouping: true })).toBe('gongji.money_input.invalid');
    expect(moneyInputError('1,000')).toBe('gongji.money_input.invalid');
  });
});
