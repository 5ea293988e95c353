import { makeIdNumber } from '@gongji/domain/testing';
import { ENTITY_DIALECT } from '@gongji/persistence';
import { todayInChina } from '../common/clock';
import { type TestApp, createTestApp } from '../testing/test-app';
import { KIN_REGISTER } from './kin-helpers';
import { credit, register } from './payment-password.helpers';
import { SCOPE, type ScopePayload } from './policy-console.helpers';
import { institutionId } from './settlement-helpers';
import { payResidentContribution } from './wallet.helpers';

const REGISTER_PERSON = `mutation($input: PersonRegisterInput!) { personRegister(input: $input) {
  person { id } userErrors { code message } } }`;
const QUOTE = `query($input: SettlementInput!) { settlementQuote(input: $input) {
  accountPaid cash providers { providerId } skippedProviders { providerId rule } } }`;

type Registered = {
  kinRelationRegister: {
    relation: { relation: string } | null;
    explanation: { rule: string; message: string }[];
    userErrors: { code: string; message: string; rule: string | null }[];
  };
};

/**
 * R-KIN-1: the kinship scope is per purpose. An auditor found registration checked against the MEDICAL scope only,
 * so a scope that allows parents for resident contributions but not for medical bills could never be used: the
 * parent could not be registered, and the contribution then had no registration. A registration is accepted when
 * the relation is in the scope of some purpose; each use is checked against its own purpose.
 */
describe(`a registration for a purpose other than medical bills (R-KIN-1, ${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  let counter: string;
  let provider: string;
  let parent: string;
  const today = todayInChina();

  const setScope = async (purpose: string, relations: string[]) => {
    const res = await app.gql<ScopePayload>(
      SCOPE,
      {
        i: { regionCode: '110000', purpose, relations, effectiveFrom: today, reason: '测试：按用途设置范围' },
      },
      admin,
    );
    expect(res.data!.kinshipScopeSet.userErrors).toEqual([]);
  };
  const registerParent = () =>
    app.gql<Registered>(
      KIN_REGISTER,
      { input: { providerId: provider, beneficiaryId: parent, relation: 'PARENT', channel: 'COUNTER' } },
      counter,
    );

  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
    counter = await app.login('counter');
    provider = (await register(app, '钱用途')).id;
    await credit(app, provider, '1000.00');
    const res = await app.gql<{ personRegister: { person: { id: string } | null } }>(
      REGISTER_PERSON,
      {
        input: {
          name: '钱父',
          idNumber: makeIdNumber('110105', '1955-03-03', 611),
          phone: '13900006110',
          regionCode: '110000',
          insuranceType: 'RESIDENT',
        },
      },
      counter,
    );
    parent = res.data!.personRegister.person!.id;
    await setScope('MEDICAL', ['SPOUSE', 'CHILD']);
  });
  afterAll(async () => app?.close());

  it('parents allowed for resident contributions only: the registration is accepted and says for what', async () => {
    const res = await registerParent();
    expect(res.data!.kinRelationRegister.userErrors).toEqual([]);
    expect(res.data!.kinRelationRegister.relation).toMatchObject({ relation: 'PARENT' });
    const scope = res.data!.kinRelationRegister.explanation.find((e) => e.rule === 'R-KIN-1')!;
    expect(scope.message).toContain('RESIDENT_CONTRIBUTION');
    expect(scope.message).not.toContain('MEDICAL');
  });

  it("her medical bill does not use the child's account (R-KIN-1 for MEDICAL); her contribution does", async () => {
    const quoted = await app.gql<{
      settlementQuote: {
        accountPaid: string;
        providers: unknown[];
        skippedProviders: { providerId: string; rule: string }[];
      };
    }>(
      QUOTE,
      {
        input: {
          patientId: parent,
          institutionId: await institutionId(app, 'H11010100001'),
          visitType: 'OUTPATIENT',
          serviceDate: today,
          covered: '200.00',
          channel: 'E_VOUCHER',
        },
      },
      counter,
    );
    expect(quoted.errors).toBeUndefined();
    expect(quoted.data!.settlementQuote.providers).toEqual([]);
    expect(quoted.data!.settlementQuote.skippedProviders).toEqual([
      { providerId: provider, rule: 'R-KIN-1' },
    ]);

    const paid = await payResidentContribution(app, counter, provider, parent, '380.00', 'purpose-scope');
    expect(paid.data!.residentContributionPay.userErrors).toEqual([]);
    expect(paid.data!.residentContributionPay.transaction).toMatchObject({
      kind: 'RESIDENT_CONTRIBUTION',
      status: 'POSTED',
    });
  });

  it('a relation in the scope of no purpose is refused, naming what every purpose allows together', async () => {
    for (const purpose of ['RESIDENT_CONTRIBUTION', 'LONG_TERM_CARE', 'SUPPLEMENTARY_PREMIUM'])
      await setScope(purpose, ['SPOUSE']);
    const other = await app.gql<{ personRegister: { person: { id: string } | null } }>(
      REGISTER_PERSON,
      {
        input: {
          name: '钱母',
          idNumber: makeIdNumber('110105', '1956-04-04', 612),
          phone: '13900006120',
          regionCode: '110000',
          insuranceType: 'RESIDENT',
        },
      },
      counter,
    );
    const res = await app.gql<Registered>(
      KIN_REGISTER,
      {
        input: {
          providerId: provider,
          beneficiaryId: other.data!.personRegister.person!.id,
          relation: 'PARENT',
          channel: 'COUNTER',
        },
      },
      counter,
      { 'accept-language': '' },
    );
    const [refusal] = res.data!.kinRelationRegister.userErrors;
    expect(refusal).toMatchObject({ code: 'RELATION_OUT_OF_SCOPE', rule: 'R-KIN-1' });
    expect(refusal.message).toContain('父母不在任何用途的家庭共济范围内（允许：配偶、子女）');
  });
});
