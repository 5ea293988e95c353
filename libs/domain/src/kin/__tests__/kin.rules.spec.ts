import { makeIdNumber } from '../../testing';
import { PaymentChannel } from '../../person/payment-channel';
import { InsuranceType } from '../../person/person';
import { Feature, type PolicySetting, type RegionRollout } from '../../policy/policy';
import { effectivePolicy } from '../../policy/policy.rules';
import { KinBindingKind, KinChannel, type KinPerson, KinPurpose, type KinRelation, Relation } from '../kin';
import { KinErrorCode } from '../kin.errors';
import { DomainRefusals } from '../../shared/refusals';
import {
  bindingSharesMoney,
  checkKinRegistrationOrThrow,
  checkKinUseOrThrow,
  orderProviders,
  payerUnderProxy,
  reorderOrThrow,
  revokeOrThrow,
} from '../kin.rules';
import { isRelationActiveOn } from '../relations-on';
import { assertRegistrationDateNotInFutureOrThrow } from '../kin.rules';
import { renderRefusal } from '../../messages/render';
import type { DomainError } from '../../shared/domain-error';

const BEIJING: RegionRollout = {
  code: '110000',
  dates: { [Feature.KIN_REGISTRATION]: '2022-10-15', [Feature.KIN_USE]: '2022-12-01' },
};
const beijing = (on: string, settings: PolicySetting[] = []) =>
  effectivePolicy({ chain: [BEIJING], settings, on });

const person = (id: string, over: Partial<KinPerson> = {}): KinPerson => ({
  id,
  insuranceType: InsuranceType.EMPLOYEE,
  regionCode: '110000',
  provinceCode: '110000',
  hasEarmarked: true,
  ...over,
});
const PROVIDER = person('p', { idNumber: makeIdNumber('110105', '1980-05-20', 11) });
const SISTER = person('s', { insuranceType: InsuranceType.RESIDENT, birthDate: '1983-01-01' });

const register = (over: Partial<Parameters<typeof checkKinRegistrationOrThrow>[0]> = {}) =>
  checkKinRegistrationOrThrow({
    provider: PROVIDER,
    beneficiary: SISTER,
    relation: Relation.SIBLING,
    channel: KinChannel.PUBLIC_SERVICE_PLATFORM,
    date: '2025-01-01',
    providerPolicy: beijing(over.date ?? '2025-01-01'),
    existingRelations: [],
    ...over,
  });

const rel = (providerId: string, order: number, over: Partial<KinRelation> = {}): KinRelation => ({
  providerId,
  beneficiaryId: 'b',
  relation: Relation.PARENT,
  order,
  registeredOn: '2022-10-15',
  revokedAt: null,
  ...over,
});

describe('issue #9: a registration breaking several rules gets every refusal, most fundamental first', () => {
  it('before registration opens, a sibling out of scope in another province: R-KIN-3, then R-KIN-2, then R-KIN-1', () => {
    let caught: unknown;
    try {
      register({
        date: '2022-01-01',
        providerPolicy: beijing('2022-01-01'),
        beneficiary: { ...SISTER, regionCode: '130100', provinceCode: '130000' },
      });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DomainRefusals);
    expect((caught as DomainRefusals).refusals.map((r) => [r.code, r.rule])).toEqual([
      ['FEATURE_NOT_OPEN', 'R-KIN-3'],
      [KinErrorCode.OUT_OF_PROVINCE, 'R-KIN-2'],
      [KinErrorCode.RELATION_OUT_OF_SCOPE, 'R-KIN-1'],
    ]);
  });
});

describe('mutual-aid registration (R-KIN-1/2/3)', () => {
  it('R-KIN-1: sibling allowed in Beijing on 2025-01-01, placed first', () => {
    const { relation, explanation } = register();
    expect(relation).toEqual({
      providerId: 'p',
      beneficiaryId: 's',
      relation: Relation.SIBLING,
      order: 1,
      registeredOn: '2025-01-01',
      channel: KinChannel.PUBLIC_SERVICE_PLATFORM,
      revokedAt: null,
    });
    expect(explanation.map((e) => e.rule)).toEqual(['R-KIN-1', 'R-KIN-3', 'R-KIN-4']);
  });

  it('R-KIN-1: sibling refused in Beijing on 2023-06-01', () => {
    expect(() => register({ date: '2023-06-01' })).toThrow(
      expect.objectContaining({
        code: KinErrorCode.RELATION_OUT_OF_SCOPE,
        rule: 'R-KIN-1',
        field: ['relation'],
      }),
    );
  });

  it('R-KIN-3: registration before 2022-10-15 refused in Beijing, allowed on it', () => {
    const spouse = { beneficiary: person('w'), relation: Relation.SPOUSE };
    expect(() => register({ ...spouse, date: '2022-10-14' })).toThrow(
      expect.objectContaining({ code: 'FEATURE_NOT_OPEN', rule: 'R-KIN-3' }),
    );
    expect(register({ ...spouse, date: '2022-10-15' }).relation.registeredOn).toBe('2022-10-15');
  });

  it.each([
    ['R-KIN-1: self', { beneficiary: person('p') }, KinErrorCode.SELF_RELATION, 'R-KIN-1'],
    [
      'R-ACC-1: resident-insurance provider has no account',
      { provider: person('p', { insuranceType: InsuranceType.RESIDENT }) },
      KinErrorCode.PROVIDER_HAS_NO_ACCOUNT,
      'R-ACC-1',
    ],
    [
      'R-ACC-1: flexible-employment provider has no account',
      { provider: person('p', { insuranceType: InsuranceType.FLEXIBLE }) },
      KinErrorCode.PROVIDER_HAS_NO_ACCOUNT,
      'R-ACC-1',
    ],
    [
      'R-KIN-1: provider without EARMARKED',
      { provider: person('p', { hasEarmarked: false }) },
      KinErrorCode.PROVIDER_HAS_NO_EARMARKED,
      'R-KIN-1',
    ],
    [
      'R-KIN-1: uninsured beneficiary',
      { beneficiary: { ...SISTER, insuranceType: InsuranceType.NONE } },
      KinErrorCode.BENEFICIARY_NOT_INSURED,
      'R-KIN-1',
    ],
    [
      'R-KIN-2: beneficiary insured in Hebei, provider in Beijing',
      { beneficiary: { ...SISTER, regionCode: '130100', provinceCode: '130000' } },
      KinErrorCode.OUT_OF_PROVINCE,
      'R-KIN-2',
    ],
    [
      'R-KIN-1: already registered with this provider',
      { existingRelations: [rel('p', 1, { beneficiaryId: 's', relation: Relation.SIBLING })] },
      KinErrorCode.DUPLICATE_RELATION,
      'R-KIN-1',
    ],
  ])('%s', (_name, over, code, rule) => {
    expect(() => register(over)).toThrow(expect.objectContaining({ code, rule }));
  });

  it('R-KIN-2: the refusal points to the wallet', () => {
    expect(() => register({ beneficiary: { ...SISTER, provinceCode: '130000' } })).toThrow(/wallet/);
  });

  it('R-KIN-1: a revoked relation can be registered again, placed after the active ones', () => {
    const existing = [
      rel('p', 1, { beneficiaryId: 's', relation: Relation.SIBLING, revokedAt: '2024-12-01' }),
      rel('q', 1, { beneficiaryId: 's', relation: Relation.SIBLING }),
      rel('p', 1, { beneficiaryId: 'other' }),
    ];
    expect(register({ existingRelations: existing }).relation.order).toBe(2);
  });

  const born = (id: string, birthDate: string) => person(id, { birthDate });
  it.each([
    ['R-KIN-1: PARENT 12 years older is plausible', Relation.PARENT, '1968-05-20', true],
    ['R-KIN-1: PARENT 11 years older is implausible', Relation.PARENT, '1968-05-21', false],
    ['R-KIN-1: PARENT younger than the provider (direction reversed)', Relation.PARENT, '2005-01-01', false],
    ['R-KIN-1: CHILD 12 years younger is plausible', Relation.CHILD, '1992-05-20', true],
    ['R-KIN-1: CHILD 11 years younger is implausible', Relation.CHILD, '1992-05-19', false],
    ['R-KIN-1: GRANDPARENT 24 years older is plausible', Relation.GRANDPARENT, '1956-05-20', true],
    [
      'R-KIN-1: MATERNAL_GRANDPARENT 20 years older is implausible',
      Relation.MATERNAL_GRANDPARENT,
      '1960-05-20',
      false,
    ],
    ['R-KIN-1: GRANDCHILD 30 years younger is plausible', Relation.GRANDCHILD, '2010-05-20', true],
    [
      'R-KIN-1: MATERNAL_GRANDCHILD 23 years younger is implausible',
      Relation.MATERNAL_GRANDCHILD,
      '2003-06-01',
      false,
    ],
    ['R-KIN-1: SPOUSE is not age-checked', Relation.SPOUSE, '2000-01-01', true],
  ])('%s', (_name, relation, birthDate, ok) => {
    // The provider's birth date (1980-05-20) comes from the ID number.
    const run = () => register({ beneficiary: born('x', birthDate), relation });
    if (ok) expect(run().relation.relation).toBe(relation);
    else
      expect(run).toThrow(
        expect.objectContaining({ code: KinErrorCode.IMPLAUSIBLE_RELATION, rule: 'R-KIN-1' }),
      );
  });

  it('R-KIN-1: without birth dates the plausibility check is skipped', () => {
    const run = (beneficiary: KinPerson) =>
      register({ provider: person('p'), beneficiary, relation: Relation.PARENT }).relation.order;
    expect(run(person('x'))).toBe(1);
    expect(run(person('x', { idNumber: 'not an id' }))).toBe(1);
  });
});

describe('order of use (R-KIN-4/5)', () => {
  const rels = [rel('mother', 2), rel('father', 1), rel('aunt', 3, { revokedAt: '2024-01-01', order: 3 })];

  it('R-KIN-4: providers in registered order, revoked ones left out', () => {
    expect(orderProviders(rels).map((r) => r.providerId)).toEqual(['father', 'mother']);
    expect(orderProviders(rels, '2023-06-01').map((r) => r.providerId)).toEqual(['father', 'mother', 'aunt']);
    expect(orderProviders(rels, '2022-10-14')).toEqual([]);
  });

  it('R-KIN-5: the beneficiary reorders with a permutation', () => {
    const next = reorderOrThrow(rels, ['mother', 'father']);
    expect(orderProviders(next).map((r) => [r.providerId, r.order])).toEqual([
      ['mother', 1],
      ['father', 2],
    ]);
    expect(next.find((r) => r.providerId === 'aunt')).toEqual(rels[2]);
  });

  it.each([
    ['R-KIN-5: missing a provider', ['mother'], /missing father/],
    ['R-KIN-5: an extra provider', ['mother', 'father', 'uncle'], /not an active provider: uncle/],
    ['R-KIN-5: a revoked provider is extra', ['mother', 'father', 'aunt'], /not an active provider: aunt/],
    ['R-KIN-5: a provider twice', ['mother', 'father', 'father'], /listed twice: father/],
  ])('%s → NOT_A_PERMUTATION', (_name, requested, message) => {
    const run = () => reorderOrThrow(rels, requested);
    expect(run).toThrow(expect.objectContaining({ code: KinErrorCode.NOT_A_PERMUTATION, rule: 'R-KIN-5' }));
    expect(run).toThrow(message);
  });

  it('R-KIN-5: NOT_A_PERMUTATION names the providers (by name, else by place), never by id', () => {
    const refusal = (requested: string[], nameOf?: (id: string) => string | undefined) => {
      try {
        reorderOrThrow(rels, requested, nameOf);
      } catch (e) {
        return e as DomainError;
      }
      throw new Error('not refused');
    };
    const names: Record<string, string> = { father: '王建国', mother: '李秀兰' };
    const named = refusal(['mother', 'mother'], (id) => names[id]);
    expect(renderRefusal(named, 'zh')).toBe(
      '新顺序必须恰好列出每位有效共济人一次（缺少王建国；李秀兰重复列出）（R-KIN-5）',
    );
    expect(renderRefusal(named, 'en')).toBe(
      'The new order must list each active provider exactly once (missing 王建国; listed twice: 李秀兰) (R-KIN-5)',
    );
    // Without names: the current order's places and the new list's entries.
    const placed = refusal(['mother', 'mother', 'uncle-id']);
    expect(renderRefusal(placed, 'zh')).toBe(
      '新顺序必须恰好列出每位有效共济人一次（缺少第1位共济人；新顺序中的第3项不是有效共济人；第2位共济人重复列出）（R-KIN-5）',
    );
    expect(renderRefusal(placed, 'en')).toBe(
      'The new order must list each active provider exactly once (missing provider no. 1; not an active provider: entry 3 of the new order; listed twice: provider no. 2) (R-KIN-5)',
    );
  });

  it('R-KIN-5: revoking keeps history and renumbers the rest without gaps', () => {
    const four = [
      rel('a', 1),
      rel('b', 2),
      rel('c', 3),
      rel('d', 4),
      rel('a', 1, { beneficiaryId: 'other' }),
    ];
    const { revoked, relations } = revokeOrThrow(four, { providerId: 'b', beneficiaryId: 'b' }, '2025-01-01');
    expect(revoked).toEqual({ ...four[1], revokedAt: '2025-01-01' });
    expect(relations).toHaveLength(5);
    expect(
      orderProviders(relations.filter((r) => r.beneficiaryId === 'b')).map((r) => [r.providerId, r.order]),
    ).toEqual([
      ['a', 1],
      ['c', 2],
      ['d', 3],
    ]);
    expect(relations[4]).toBe(four[4]);
    expect(isRelationActiveOn(revoked, '2024-12-31')).toBe(true);
    expect(isRelationActiveOn(revoked, '2025-01-01')).toBe(false);
  });

  it('R-KIN-5: revoking twice is refused', () => {
    const { relations } = revokeOrThrow([rel('a', 1)], { providerId: 'a', beneficiaryId: 'b' }, '2025-01-01');
    expect(() => revokeOrThrow(relations, { providerId: 'a', beneficiaryId: 'b' }, '2025-01-02')).toThrow(
      expect.objectContaining({ code: KinErrorCode.RELATION_NOT_FOUND, rule: 'R-KIN-5' }),
    );
  });
});

describe('mutual-aid use (R-KIN-3/6)', () => {
  const parent = rel('p', 1);
  const use = (over: Partial<Parameters<typeof checkKinUseOrThrow>[0]> = {}) =>
    checkKinUseOrThrow({
      relation: parent,
      date: '2023-03-01',
      providerPolicy: beijing(over.date ?? '2023-03-01'),
      channel: PaymentChannel.CARD,
      ...over,
    });

  it('R-KIN-3: use before 2022-12-01 refused in Beijing, allowed on it', () => {
    expect(() => use({ date: '2022-11-30' })).toThrow(
      expect.objectContaining({ code: 'FEATURE_NOT_OPEN', rule: 'R-KIN-3' }),
    );
    expect(use({ date: '2022-12-01' }).map((e) => e.rule)).toEqual(['R-KIN-3', 'R-KIN-1']);
  });

  it.each([
    [
      'R-KIN-5: revoked before the date',
      { relation: { ...parent, revokedAt: '2023-01-01' } },
      KinErrorCode.RELATION_REVOKED,
      'R-KIN-5',
    ],
    [
      'R-KIN-3: before its own registration',
      { relation: { ...parent, registeredOn: '2023-04-01' } },
      KinErrorCode.NOT_YET_REGISTERED,
      'R-KIN-3',
    ],
    [
      'R-KIN-1: sibling for WALLET_TRANSFER before the wallet scope',
      { relation: { ...parent, relation: Relation.SIBLING }, purpose: KinPurpose.WALLET_TRANSFER },
      KinErrorCode.RELATION_OUT_OF_SCOPE,
      'R-KIN-1',
    ],
    [
      'R-KIN-6: out-of-region by card without permission',
      { outOfRegion: true, outOfRegionPermission: false },
      KinErrorCode.OUT_OF_REGION_NOT_PERMITTED,
      'R-KIN-6',
    ],
  ])('%s', (_name, over, code, rule) => {
    expect(() => use(over)).toThrow(expect.objectContaining({ code, rule }));
  });

  it.each([
    [
      'R-KIN-6: out-of-region with the permission switched on',
      { outOfRegion: true, outOfRegionPermission: true },
    ],
    [
      'R-KIN-6: out-of-region with the electronic voucher',
      { outOfRegion: true, channel: PaymentChannel.E_VOUCHER },
    ],
  ])('%s is allowed', (_name, over) => {
    expect(use(over)).toContainEqual(expect.objectContaining({ rule: 'R-KIN-6' }));
  });
});

describe('proxy bindings (R-KIN-7)', () => {
  it('R-KIN-7: a proxy binding shares no money; mutual aid does', () => {
    expect(bindingSharesMoney(KinBindingKind.PROXY)).toBe(false);
    expect(bindingSharesMoney(KinBindingKind.MUTUAL_AID)).toBe(true);
  });

  it("R-KIN-7: under a proxy binding the patient's own account pays", () => {
    expect(payerUnderProxy({ agentId: 'daughter', patientId: 'mother', since: '2025-01-01' })).toBe('mother');
  });
});

describe('R-KIN-3 a registration is never dated in the future', () => {
  it('today and earlier are accepted; tomorrow is REGISTRATION_DATE_IN_FUTURE on the field `on`, same in both languages', () => {
    expect(() => assertRegistrationDateNotInFutureOrThrow('2026-12-02', '2026-12-02')).not.toThrow();
    expect(() => assertRegistrationDateNotInFutureOrThrow('2022-10-20', '2026-12-02')).not.toThrow();
    let refusal: DomainError | undefined;
    try {
      assertRegistrationDateNotInFutureOrThrow('2026-12-03', '2026-12-02');
    } catch (err) {
      refusal = err as DomainError;
    }
    expect(refusal).toMatchObject({
      code: KinErrorCode.REGISTRATION_DATE_IN_FUTURE,
      rule: 'R-KIN-3',
      field: ['on'],
    });
    expect(renderRefusal(refusal!, 'zh')).toBe(
      '备案日期2026年12月3日晚于今天（2026年12月2日，北京时间）：备案不能预先登记日期（R-KIN-3）',
    );
    expect(renderRefusal(refusal!, 'en')).toBe(
      'The registration date 3 December 2026 is after today (2 December 2026, Beijing time): a registration cannot be dated in the future (R-KIN-3)',
    );
  });
});
