import { print } from 'graphql';
import { buildPersonQuery, initialPasswordSent } from '../buildPersonQuery';

const res = (data: Record<string, unknown>) => ({ data }) as never;

describe('persons: personRegister (CREATE) and personUpdate (UPDATE)', () => {
  it('CREATE sends PersonRegisterInput and reads the new person and whether the password went out by SMS', () => {
    const query = buildPersonQuery('CREATE', 'persons', {
      data: {
        name: '张三',
        idNumber: '11010520120910055x',
        phone: '13800138000',
        regionCode: '110105',
        insuranceType: 'EMPLOYEE',
        employmentStatus: 'IN_SERVICE',
        realNameVerified: true,
      },
    });
    const text = print(query.query);
    expect(text).toContain('personRegister(input: $input)');
    expect(text).toContain('initialPaymentPassword');
    expect(text).toContain('field');
    expect(query.variables?.['input']).toMatchObject({
      idNumber: '11010520120910055X',
      employmentStatus: 'IN_SERVICE',
    });
    const parsed = query.parseResponse(
      res({
        personRegister: {
          person: { id: 'p9', phone: '13800138000', paymentPassword: { set: true } },
          initialPaymentPassword: null,
          userErrors: [],
        },
      }),
    );
    expect(parsed.data).toMatchObject({ id: 'p9', initialPasswordSms: true });
  });

  it('CREATE puts a refusal on its field (userErrors.field without "input")', () => {
    const query = buildPersonQuery('CREATE', 'persons', {
      data: { name: 'x', idNumber: '110105198006010381' },
    });
    let thrown: { body?: { errors?: Record<string, unknown> } } | undefined;
    try {
      query.parseResponse(
        res({
          personRegister: {
            person: null,
            initialPaymentPassword: null,
            userErrors: [
              {
                code: 'DUPLICATE',
                message: '该身份证号已登记',
                field: ['input', 'idNumber'],
                rule: 'R-ACC-2',
              },
            ],
          },
        }),
      );
    } catch (error) {
      thrown = error as typeof thrown;
    }
    expect(thrown?.body?.errors?.idNumber).toBe('该身份证号已登记 (R-ACC-2)');
  });

  it('UPDATE sends only the changed fields of PersonUpdateInput', () => {
    const previous = { id: 'p1', phone: '13800138000', realNameVerified: true, insuranceType: 'EMPLOYEE' };
    const query = buildPersonQuery('UPDATE', 'persons', {
      id: 'p1',
      data: { ...previous, phone: '13900139000', reason: '换号' },
      previousData: previous,
    });
    expect(print(query.query)).toContain('personUpdate(input: $input)');
    expect(query.variables).toEqual({ input: { id: 'p1', phone: '13900139000', reason: '换号' } });
    expect(query.parseResponse(res({ personUpdate: { person: { id: 'p1' }, userErrors: [] } })).data).toEqual(
      {
        id: 'p1',
      },
    );
  });

  it.each([
    [{ phone: '13800138000', paymentPassword: { set: true } }, null, true],
    [{ phone: '13800138000', paymentPassword: null }, '123456', true],
    [{ phone: null, paymentPassword: { set: true } }, null, false],
    [{ phone: '13800138000', paymentPassword: { set: false } }, null, false],
  ])('initial password SMS: %j with %s → %s', (person, shown, sent) => {
    expect(initialPasswordSent(person, shown)).toBe(sent);
  });
});
