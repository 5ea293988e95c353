import { aWalletTransfer, anInstitution } from '../../testing';
import { Relation } from '../../kin/kin';
import { PocketKind, TransactionKind } from '../../ledger/ledger';
import { creditPocket, debitPocket } from '../../ledger/ledger.rules';
import { type Fen, yuan } from '../../money/money';
import { InsuranceType } from '../../person/person';
import { type UsageRegionChangeInput, type WalletActivateInput, WalletSource } from '../wallet';
import { WalletErrorCode } from '../wallet.errors';
import { DomainRefusals, refusalsOf } from '../../shared/refusals';
import type { DomainError } from '../../shared/domain-error';
import { renderRefusal } from '../../messages/render';
import { formatDate } from '../../messages/format';
import {
  changeUsageRegionOrThrow,
  walletActivateOrThrow,
  walletMayPay,
  walletTransferOrThrow,
  walletUsableOnOrThrow,
} from '../wallet.rules';

const sender = aWalletTransfer().from;
const recipient = aWalletTransfer().to;

function refusalsOfTransfer(input: Parameters<typeof walletTransferOrThrow>[0]): DomainError[] {
  try {
    walletTransferOrThrow(input);
  } catch (err) {
    return [...refusalsOf(err as DomainError)];
  }
  throw new Error('expected a refusal');
}

describe('issue #9: every refusal at once, most fundamental first', () => {
  it('a transfer before the national launch cites R-WAL-3 first, then the money — not the kinship scope (R-WAL-1/3)', () => {
    const refusals = refusalsOfTransfer(
      aWalletTransfer({
        date: '2024-12-01',
        fromRegionWalletFrom: '2024-12-02',
        toRegionWalletFrom: '2024-12-02',
        relationInScope: false,
        from: { ...sender, earmarked: yuan(100) },
      }),
    );
    expect(refusals.map((r) => [r.code, r.rule])).toEqual([
      [WalletErrorCode.WALLET_NOT_OPEN, 'R-WAL-3'],
      [WalletErrorCode.WALLET_NOT_OPEN, 'R-WAL-3'],
      [WalletErrorCode.INSUFFICIENT_BALANCE, 'R-WAL-6'],
    ]);
  });

  it('R-ACC-1: EARMARKED without a personal account is NO_PERSONAL_ACCOUNT only, not also INSUFFICIENT_BALANCE', () => {
    const refusals = refusalsOfTransfer(
      aWalletTransfer({ from: { ...sender, insuranceType: InsuranceType.FLEXIBLE, earmarked: 0n as Fen } }),
    );
    expect(refusals.map((r) => r.code)).toEqual([WalletErrorCode.NO_PERSONAL_ACCOUNT]);
  });

  it('R-WAL-5: a wallet confirmed after the date neither sends nor receives; the refusal names both dates', () => {
    const refusals = refusalsOfTransfer(
      aWalletTransfer({
        from: { ...sender, walletActivatedOn: '2025-01-11' },
        to: { ...recipient, walletActivatedOn: '2025-02-01' },
      }),
    );
    expect(refusals.map((r) => [r.code, r.rule, r.field])).toEqual([
      [WalletErrorCode.WALLET_NOT_ACTIVATED, 'R-WAL-5', ['fromPersonId']],
      [WalletErrorCode.WALLET_NOT_ACTIVATED, 'R-WAL-5', ['toPersonId']],
    ]);
    expect(refusals[1].message).toBe('The wallet was confirmed on 2025-02-01, after 2025-01-10');
    // confirmed on the day itself: allowed
    expect(() =>
      walletTransferOrThrow(aWalletTransfer({ to: { ...recipient, walletActivatedOn: '2025-01-10' } })),
    ).not.toThrow();
    // the region closed that day is the one reason (R-WAL-3), not also the later confirmation
    const closed = refusalsOfTransfer(
      aWalletTransfer({
        toRegionWalletFrom: '2025-05-08',
        to: { ...recipient, walletActivatedOn: '2025-06-01' },
      }),
    );
    expect(closed.map((r) => r.code)).toEqual([WalletErrorCode.WALLET_NOT_OPEN]);
  });

  it('three broken rules → three refusals in order (dates, scope, money); one alone is thrown as itself', () => {
    const refusals = refusalsOfTransfer(
      aWalletTransfer({
        toRegionWalletFrom: null,
        relationEstablished: false,
        verification: null,
      }),
    );
    expect(refusals.map((r) => r.code)).toEqual([
      WalletErrorCode.WALLET_NOT_OPEN,
      WalletErrorCode.RELATION_NOT_ESTABLISHED,
      WalletErrorCode.VERIFICATION_REQUIRED,
    ]);
    let single: unknown;
    try {
      walletTransferOrThrow(aWalletTransfer({ verification: null }));
    } catch (err) {
      single = err;
    }
    expect(single).not.toBeInstanceOf(DomainRefusals);
    expect((single as DomainError).code).toBe(WalletErrorCode.VERIFICATION_REQUIRED);
  });
});

describe('R-WAL-3..6 wallet transfer', () => {
  it('R-WAL-6 moves money from the sender’s EARMARKED into the relative’s WALLET', () => {
    const d = walletTransferOrThrow(aWalletTransfer());
    expect(d.kind).toBe(TransactionKind.WALLET_TRANSFER);
    expect(d.postings).toEqual([
      debitPocket('sender-1', PocketKind.EARMARKED, yuan(500)),
      creditPocket('recipient-1', PocketKind.WALLET, yuan(500)),
    ]);
    expect(d.explanation.map((e) => e.rule)).toEqual(['R-WAL-3', 'R-WAL-4', 'R-WAL-6']);
  });

  it('R-WAL-6 a wallet can forward its own money (source WALLET), also for a non-employee', () => {
    const d = walletTransferOrThrow(
      aWalletTransfer({
        source: WalletSource.WALLET,
        from: { ...sender, insuranceType: InsuranceType.RESIDENT, wallet: yuan(500) },
      }),
    );
    expect(d.postings[0]).toEqual(debitPocket('sender-1', PocketKind.WALLET, yuan(500)));
  });

  it.each([
    [
      'R-WAL-3',
      "the sender's region opens later",
      { fromRegionWalletFrom: '2025-03-01' },
      WalletErrorCode.WALLET_NOT_OPEN,
    ],
    [
      'R-WAL-3',
      "the recipient's region opens later",
      { toRegionWalletFrom: '2025-01-11' },
      WalletErrorCode.WALLET_NOT_OPEN,
    ],
    [
      'R-WAL-3',
      "the recipient's region has no wallet",
      { toRegionWalletFrom: null },
      WalletErrorCode.WALLET_NOT_OPEN,
    ],
    ['R-WAL-4', 'the recipient is not a relative', { relation: null }, WalletErrorCode.NOT_NEAR_RELATIVE],
    [
      'R-WAL-4',
      'the relation is out of scope',
      { relation: Relation.SIBLING, relationInScope: false },
      WalletErrorCode.NOT_NEAR_RELATIVE,
    ],
    [
      'R-WAL-4',
      'the recipient is uninsured',
      { to: { ...recipient, insuranceType: InsuranceType.NONE } },
      WalletErrorCode.NOT_INSURED,
    ],
    [
      'R-WAL-4',
      'sender and recipient are the same',
      { to: { ...recipient, personId: 'sender-1' } },
      WalletErrorCode.SELF_TRANSFER,
    ],
    [
      'R-WAL-5',
      'the recipient has not confirmed the wallet',
      { to: { ...recipient, walletActivated: false } },
      WalletErrorCode.WALLET_NOT_ACTIVATED,
    ],
    [
      'R-WAL-5',
      'the sender has not confirmed the wallet',
      { from: { ...sender, walletActivated: false } },
      WalletErrorCode.WALLET_NOT_ACTIVATED,
    ],
    ['R-WAL-6', 'no verification', { verification: null }, WalletErrorCode.VERIFICATION_REQUIRED],
    ['R-WAL-6', 'a failed verification', { verified: false }, WalletErrorCode.VERIFICATION_REQUIRED],
    [
      'R-ACC-1',
      'EARMARKED of a non-employee',
      { from: { ...sender, insuranceType: InsuranceType.RESIDENT } },
      WalletErrorCode.NO_PERSONAL_ACCOUNT,
    ],
    ['R-WAL-6', 'more than the balance', { amount: yuan(2001) }, WalletErrorCode.INSUFFICIENT_BALANCE],
    [
      'R-WAL-6',
      'more than the wallet balance',
      { source: WalletSource.WALLET },
      WalletErrorCode.INSUFFICIENT_BALANCE,
    ],
    ['R-WAL-6', 'a zero amount', { amount: 0n as Fen }, WalletErrorCode.INVALID_AMOUNT],
  ])('%s refuses the transfer when %s', (rule, _label, overrides, code) => {
    expect(() => walletTransferOrThrow(aWalletTransfer(overrides))).toThrow(
      expect.objectContaining({ code, rule }),
    );
  });
});

describe('R-WAL-5 confirming the wallet and changing the usage region', () => {
  const activate: WalletActivateInput = {
    personId: 'p',
    insuranceType: InsuranceType.RESIDENT,
    usageRegionCode: '130100',
    phone: '13800138000',
    date: '2025-01-10',
    usageRegionWalletFrom: '2024-12-02',
    insuredRegionCode: '130100',
    insuredRegionWalletFrom: '2024-12-02',
    insuredProvinceCode: '130000',
    usageProvinceCode: '130000',
    existing: null,
  };
  const active = walletActivateOrThrow(activate);
  const change: UsageRegionChangeInput = {
    current: active,
    newUsageRegionCode: '130200',
    date: '2025-06-01',
    usageChangeFrom: '2025-05-01',
    newRegionWalletFrom: '2024-12-02',
    insuredProvinceCode: '130000',
    newUsageProvinceCode: '130000',
  };

  it('R-WAL-5 confirms with usage region and phone', () => {
    expect(active).toEqual({
      personId: 'p',
      usageRegionCode: '130100',
      phone: '13800138000',
      activatedOn: '2025-01-10',
    });
  });

  it.each([
    ['R-WAL-5', 'a second confirmation', { existing: active }, WalletErrorCode.ALREADY_ACTIVATED],
    ['R-WAL-4', 'an uninsured person', { insuranceType: InsuranceType.NONE }, WalletErrorCode.NOT_INSURED],
    ['R-WAL-5', 'a landline', { phone: '01012345678' }, WalletErrorCode.INVALID_PHONE],
    [
      'R-WAL-3',
      'a usage region without wallet yet',
      { usageRegionWalletFrom: '2025-02-01' },
      WalletErrorCode.WALLET_NOT_OPEN,
    ],
    [
      'R-WAL-5',
      'an insured region without wallet yet',
      { insuredRegionWalletFrom: null },
      WalletErrorCode.WALLET_NOT_OPEN,
    ],
    [
      'R-WAL-7',
      'a usage region outside the insured province',
      { usageRegionCode: '370200', usageProvinceCode: '370000' },
      WalletErrorCode.OUT_OF_PROVINCE,
    ],
  ])('%s refuses %s', (rule, _label, overrides, code) => {
    expect(() => walletActivateOrThrow({ ...activate, ...overrides })).toThrow(
      expect.objectContaining({ code, rule }),
    );
  });

  it('R-WAL-5 USAGE_CHANGE_NOT_OFFERED names the province and the date in Chinese and English', () => {
    let error: DomainError | undefined;
    try {
      changeUsageRegionOrThrow({ ...change, usageChangeFrom: null, insuredProvinceCode: '130000' });
    } catch (e) {
      error = e as DomainError;
    }
    expect(error?.code).toBe(WalletErrorCode.USAGE_CHANGE_NOT_OFFERED);
    const name = (code: string) => (code === '130000' ? '河北省' : undefined);
    expect(renderRefusal(error!, 'zh', name)).toBe(
      `河北省在${formatDate(change.date, 'zh')}不提供钱包使用地变更（R-WAL-5）`,
    );
    expect(renderRefusal(error!, 'en', name)).toBe(
      `The province 河北省 (130000) does not offer usage-location change on ${formatDate(change.date, 'en')} (R-WAL-5)`,
    );
  });

  it('R-WAL-5 changes the usage region where the province offers it', () => {
    expect(changeUsageRegionOrThrow(change)).toEqual({
      ...active,
      usageRegionCode: '130200',
      activatedOn: '2025-06-01',
    });
  });

  it.each([
    ['R-WAL-5', 'an unconfirmed wallet', { current: null }, WalletErrorCode.WALLET_NOT_ACTIVATED],
    [
      'R-WAL-5',
      'a province without usage change',
      { usageChangeFrom: null },
      WalletErrorCode.USAGE_CHANGE_NOT_OFFERED,
    ],
    [
      'R-WAL-5',
      'a date before the province offers it',
      { date: '2025-04-30' },
      WalletErrorCode.USAGE_CHANGE_NOT_OFFERED,
    ],
    ['R-WAL-5', 'the same region', { newUsageRegionCode: '130100' }, WalletErrorCode.SAME_USAGE_REGION],
    [
      'R-WAL-3',
      'a new region without wallet',
      { newRegionWalletFrom: null },
      WalletErrorCode.WALLET_NOT_OPEN,
    ],
    [
      'R-WAL-7',
      'a new region in another province',
      { newUsageRegionCode: '370200', newUsageProvinceCode: '370000' },
      WalletErrorCode.OUT_OF_PROVINCE,
    ],
  ])('%s refuses a usage-region change for %s', (rule, _label, overrides, code) => {
    expect(() => changeUsageRegionOrThrow({ ...change, ...overrides })).toThrow(
      expect.objectContaining({ code, rule }),
    );
  });
});

describe('R-WAL-7 where wallet money may pay', () => {
  it.each([
    ['a designated institution of the insured region accepting the wallet', anInstitution(), true],
    ['a non-designated institution', anInstitution({ designated: false }), false],
    ['an institution not accepting the wallet', anInstitution({ acceptsWallet: false }), false],
    ['an institution of another region', anInstitution({ regionCode: '310000' }), false],
  ])('R-WAL-7 %s → %s', (_label, institution, allowed) => {
    const r = walletMayPay(institution, '110000');
    expect(r.allowed).toBe(allowed);
    expect(r.explanation.rule).toBe('R-WAL-7');
  });
});

describe('R-WAL-5/R-WAL-7 wallet money used on a date', () => {
  const use = {
    date: '2025-06-01',
    activatedOn: '2025-05-08',
    insuredRegionCode: '370100',
    insuredRegionWalletFrom: '2025-05-08',
    field: 'payerId',
  };

  it('allows use once the insured region is open and the wallet confirmed, on or before the date', () => {
    expect(() => walletUsableOnOrThrow(use)).not.toThrow();
    expect(() => walletUsableOnOrThrow({ ...use, date: '2025-05-08' })).not.toThrow();
  });

  it.each([
    ['R-WAL-7', 'before the insured region opens', { date: '2025-05-07' }, WalletErrorCode.WALLET_NOT_OPEN],
    ['R-WAL-5', 'an unconfirmed wallet', { activatedOn: null }, WalletErrorCode.WALLET_NOT_ACTIVATED],
    [
      'R-WAL-5',
      'a wallet confirmed after the date',
      { activatedOn: '2026-12-02' },
      WalletErrorCode.WALLET_NOT_ACTIVATED,
    ],
  ])('%s refuses use %s', (rule, _label, overrides, code) => {
    expect(() => walletUsableOnOrThrow({ ...use, ...overrides })).toThrow(
      expect.objectContaining({ code, rule, field: ['payerId'] }),
    );
  });
});
