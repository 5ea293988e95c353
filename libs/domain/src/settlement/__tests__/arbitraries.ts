// fast-check arbitraries shared by the settlement and refund property tests (not a spec: no tests here).
import fc from 'fast-check';
import { aBill, aPatient, aSettlementInput, aYearToDate, anInstitution } from '../../testing';
import { InstitutionKind, InstitutionLevel } from '../../institution/institution';
import { type Balances, PocketKind } from '../../ledger/ledger';
import { balancesOf } from '../../ledger/ledger.rules';
import type { Fen } from '../../money/money';
import { EmploymentStatus } from '../../person/person';
import { PaymentChannel } from '../../person/payment-channel';
import { type SettlementInput, VisitType } from '../settlement';

export const money = (max: number) => fc.bigInt({ min: 0n, max: BigInt(max) }).map((n) => n as Fen);

/** Random bills, patients, accumulators, pockets, providers (with random usability) and caps. */
export const settlementInputs: fc.Arbitrary<SettlementInput> = fc
  .record({
    visitType: fc.constantFrom(VisitType.OUTPATIENT, VisitType.INPATIENT, VisitType.PHARMACY),
    serviceDate: fc.constantFrom('2022-06-01', '2023-12-31', '2024-02-29', '2025-07-15'),
    covered: money(8_000_000),
    outOfCatalogue: money(300_000),
    excluded: money(100_000),
    channel: fc.constantFrom(...Object.values(PaymentChannel)),
    level: fc.constantFrom(...Object.values(InstitutionLevel)),
    institutionRegion: fc.constantFrom('110000', '310000'),
    acceptsWallet: fc.boolean(),
    fundMayPay: fc.constantFrom(true, true, true, false, undefined),
    employmentStatus: fc.constantFrom(EmploymentStatus.IN_SERVICE, EmploymentStatus.RETIRED),
    birthDate: fc.constantFrom('1950-01-01', '1954-07-15', '1980-05-01'),
    permission: fc.boolean(),
    outpatientCovered: money(400_000),
    outpatientFundPaid: money(100_000),
    inpatientAdmissions: fc.nat(3),
    accountPaid: money(1_000_000),
    own: fc.record({ earmarked: money(500_000), wallet: money(200_000) }),
    providers: fc.uniqueArray(
      fc.record({
        personId: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
        earmarked: money(300_000),
        usable: fc.boolean(),
      }),
      { maxLength: 4, selector: (p) => p.personId },
    ),
    caps: fc.record({
      perInstitutionPerDay: fc.option(money(100_000)),
      perDayAcrossInstitutions: fc.option(money(200_000)),
      perYear: fc.option(money(2_000_000)),
    }),
    spendToday: fc.record({ atInstitution: money(50_000), acrossInstitutions: money(100_000) }),
    kinUseOpen: fc.boolean(),
  })
  .filter((r) => r.covered + r.outOfCatalogue + r.excluded > 0n)
  // R-ACC-7: only bills a channel applies to (a registration fee is outpatient; cross-region is out of region —
  // the patient is insured in 110000); the refusal of the others is tested in settlement.rules.spec.ts.
  .filter(
    (r) =>
      (r.channel !== PaymentChannel.REGISTRATION_FEE || r.visitType === VisitType.OUTPATIENT) &&
      (r.channel !== PaymentChannel.CROSS_REGION_DIRECT || r.institutionRegion !== '110000'),
  )
  .map((r) => {
    const pharmacy = r.visitType === VisitType.PHARMACY;
    return aSettlementInput({
      bill: aBill({
        visitType: r.visitType,
        serviceDate: r.serviceDate,
        covered: r.covered,
        outOfCatalogue: r.outOfCatalogue,
        excluded: r.excluded,
        channel: r.channel,
        institution: anInstitution({
          kind: pharmacy ? InstitutionKind.PHARMACY : InstitutionKind.HOSPITAL,
          level: r.level,
          regionCode: r.institutionRegion,
          acceptsWallet: r.acceptsWallet,
          ...(r.fundMayPay === undefined ? {} : { fundMayPay: r.fundMayPay }),
        }),
      }),
      patient: aPatient({
        employmentStatus: r.employmentStatus,
        birthDate: r.birthDate,
        outOfRegionUsePermission: r.permission,
      }),
      yearToDate: aYearToDate(Number(r.serviceDate.slice(0, 4)), {
        outpatientCovered: r.outpatientCovered,
        outpatientFundPaid: r.outpatientFundPaid,
        inpatientAdmissions: r.inpatientAdmissions,
        accountPaid: r.accountPaid,
      }),
      own: r.own,
      providers: r.providers,
      caps: r.caps,
      spendToday: r.spendToday,
      kinUseOpen: r.kinUseOpen,
      // A registration-fee bill within the region's ceiling (R-ACC-7): the ceiling's refusal is tested in
      // settlement.rules.spec.ts; here the split of every bill the channel applies to.
      ...(r.channel === PaymentChannel.REGISTRATION_FEE
        ? { maxRegistrationFee: (r.covered + r.outOfCatalogue + r.excluded) as Fen }
        : {}),
    });
  });

/** The pockets the input says exist, as {@link Balances}. LEGACY holds money to prove settlement leaves it alone. */
export function balancesBefore(input: SettlementInput): Balances {
  return balancesOf([
    [input.patient.id, PocketKind.EARMARKED, input.own.earmarked],
    [input.patient.id, PocketKind.WALLET, input.own.wallet],
    [input.patient.id, PocketKind.LEGACY, 123_456n],
    ...input.providers.map((p) => [p.personId, PocketKind.EARMARKED, p.earmarked] as const),
  ]);
}
