import { DomainError } from '../domain-error';
import { DecisionDateErrorCode, assertDecisionDateNotAfterTodayOrThrow } from '../decision-date';

describe('a money decision is dated today or earlier, never later', () => {
  it('today and any earlier day pass', () => {
    expect(() => assertDecisionDateNotAfterTodayOrThrow('2026-12-02', '2026-12-02', 'R-WAL-3')).not.toThrow();
    expect(() => assertDecisionDateNotAfterTodayOrThrow('2022-12-01', '2026-12-02', 'R-USE-3')).not.toThrow();
  });

  it('the next day is refused with the rule the decision is taken under, on the `on` field', () => {
    let error: unknown;
    try {
      assertDecisionDateNotAfterTodayOrThrow('2026-12-03', '2026-12-02', 'R-WAL-3');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: DecisionDateErrorCode.DECISION_DATE_IN_FUTURE,
      rule: 'R-WAL-3',
      field: ['on'],
      params: { on: { kind: 'date', iso: '2026-12-03' }, today: { kind: 'date', iso: '2026-12-02' } },
    });
  });
});
