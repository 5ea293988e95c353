import { userErrorsToHttpError } from '../../data/graphqlErrors';
import { placeDialogErrors } from '../dialogErrors';
import { asFieldsError } from '../moneyInput';

const bodyOf = (error: unknown) => (error as { body: never }).body;

describe('placeDialogErrors (every refusal is shown somewhere)', () => {
  it('登记共济亲属: the input one on its input, the one without a field in the error area', () => {
    const error = userErrorsToHttpError([
      { code: 'FEATURE_NOT_OPEN', message: '本地未开通家庭共济', field: null, rule: 'R-KIN-3' },
      {
        code: 'OUT_OF_PROVINCE',
        message: '亲属不在本省',
        field: ['input', 'beneficiaryId'],
        rule: 'R-KIN-2',
      },
    ] as never);
    const placed = placeDialogErrors(bodyOf(error), [
      { name: 'idNumber', alsoFor: ['beneficiaryId'] },
      { name: 'relation' },
    ]);
    expect(placed.byInput).toEqual({ idNumber: '亲属不在本省 (R-KIN-2)' });
    expect(placed.unplaced).toEqual(['本地未开通家庭共济 (R-KIN-3)']);
  });

  it('钱包转账: a field without an input and two on one input are all kept', () => {
    const error = userErrorsToHttpError([
      {
        code: 'RELATION_NOT_ESTABLISHED',
        message: '不是近亲属',
        field: ['input', 'relation'],
        rule: 'R-WAL-4',
      },
      { code: 'WALLET_NOT_ACTIVATED', message: '付款人未确认使用钱包', field: null, rule: 'R-WAL-5' },
      {
        code: 'WALLET_NOT_ACTIVATED',
        message: '收款人未确认使用钱包',
        field: ['input', 'toIdNumber'],
        rule: 'R-WAL-5',
      },
    ] as never);
    const placed = placeDialogErrors(bodyOf(error), [{ name: 'toIdNumber' }, { name: 'amount' }]);
    expect(placed.byInput).toEqual({ toIdNumber: '收款人未确认使用钱包 (R-WAL-5)' });
    expect(placed.unplaced).toEqual(['不是近亲属 (R-WAL-4)', '付款人未确认使用钱包 (R-WAL-5)']);
  });

  it('the re-read refusals of asFieldsError: field errors without an input and the root ones together', () => {
    const error = asFieldsError(
      userErrorsToHttpError([
        {
          code: 'RELATION_NOT_ESTABLISHED',
          message: '不是近亲属',
          field: ['input', 'relation'],
          rule: 'R-WAL-4',
        },
        { code: 'WALLET_NOT_ACTIVATED', message: '付款人未确认使用钱包', field: null, rule: 'R-WAL-5' },
        { code: 'WALLET_NOT_ACTIVATED', message: '收款人未确认使用钱包', field: null, rule: 'R-WAL-5' },
      ] as never),
    );
    const placed = placeDialogErrors(bodyOf(error), [{ name: 'amount' }]);
    expect(placed.byInput).toEqual({});
    expect(placed.unplaced.join('；')).toContain('不是近亲属');
    expect(placed.unplaced.join('；')).toContain('付款人未确认使用钱包');
    expect(placed.unplaced.join('；')).toContain('收款人未确认使用钱包');
  });
});
