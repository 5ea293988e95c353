import { randomUUID } from 'node:crypto';
import { newCardNumber } from '../auth/presence';
import {
  type BenefitSchedule,
  type Fen,
  InstitutionLevel,
  type OutpatientSchedule,
  type InpatientSchedule,
  PocketKind,
  SystemAccount,
  TransactionKind,
  pocketAccount,
  systemAccount,
  termParam,
  yuan,
} from '@gongji/domain';
import {
  type DataSource,
  LedgerWriter,
  inTransaction,
  insertAttestation,
  insertInstitutions,
  insertKinRelation,
  insertPolicySetting,
  insertRegisteredPerson,
  insertUsers,
  replaceChosenHospitals,
  saveWallet,
  stringifyPayload,
  userCount,
} from '@gongji/persistence';
import { hashSecret } from '../auth/passwords';
import { Role } from '../auth/principal';
import { hashPaymentPassword } from '../modules/payment-password/payment-password.credentials';

/** Demo console users. Passwords are published in the README: demo mode is refused in production. */
/**
 * ILLUSTRATIVE resident (城乡居民医保) benefit schedule for Beijing in the demo data only: the seeds give no resident
 * figures (docs/decisions.md), so production has none until policy staff set one with benefitScheduleSet(scheme:
 * RESIDENT). Outpatient: 100 yuan deductible, 55 %, 4,500 yuan a year; inpatient: 1,300 / 650 yuan, 75 %, 250,000.
 */
const DEMO_RESIDENT_OUTPATIENT: OutpatientSchedule = {
  inService: { deductible: yuan(100), fundRate: 5500 },
  retiredUnder70: { deductible: yuan(100), fundRate: 5500 },
  retired70Plus: { deductible: yuan(100), fundRate: 5500 },
  annualFundCap: yuan(4500),
};
const DEMO_RESIDENT_INPATIENT: InpatientSchedule = {
  firstAdmissionDeductible: yuan(1300),
  laterAdmissionDeductible: yuan(650),
  bands: [{ upTo: null, fundRate: 7500 }],
  retireePersonalShareFactor: 10000,
  annualFundMax: yuan(250_000),
};
export const DEMO_RESIDENT_SCHEDULE: BenefitSchedule = {
  outpatient: Object.fromEntries(
    Object.values(InstitutionLevel).map((level) => [level, DEMO_RESIDENT_OUTPATIENT]),
  ) as BenefitSchedule['outpatient'],
  inpatient: Object.fromEntries(
    Object.values(InstitutionLevel).map((level) => [level, DEMO_RESIDENT_INPATIENT]),
  ) as BenefitSchedule['inpatient'],
  pharmacyFundRate: 0,
};

export const DEMO_USERS = [
  { username: 'admin', password: 'gongji-admin-demo', displayName: '政策管理员 (demo)', role: Role.ADMIN },
  {
    username: 'counter',
    password: 'gongji-counter-demo',
    displayName: '窗口经办 (demo)',
    role: Role.COUNTER,
  },
  {
    username: 'analyst',
    password: 'gongji-analyst-demo',
    displayName: '数据分析 (demo)',
    role: Role.ANALYST,
  },
] as const;

/**
 * Payment password of every demo person (R-ACC-7), published like the demo users' passwords: demo mode is refused in
 * production. Hashed once per seed with the same argon2id as issued passwords (no SMS: nothing secret to deliver).
 */
export const DEMO_PAYMENT_PASSWORD = '147258';

interface DemoPerson {
  key: string;
  name: string;
  idNumber: string;
  birthDate: string;
  regionCode: string;
  insuranceType: 'EMPLOYEE' | 'RESIDENT' | 'FLEXIBLE';
  employmentStatus: 'IN_SERVICE' | 'RETIRED' | null;
  phone: string;
  pockets: Partial<Record<PocketKind, Fen>>;
}

/** Families in Beijing (local mutual aid) and in two wallet provinces, Hebei and Shandong (cross-province wallet). */
const PERSONS: DemoPerson[] = [
  {
    key: 'wangjianguo',
    name: '王建国',
    idNumber: '110105195203150179',
    birthDate: '1952-03-15',
    regionCode: '110000',
    insuranceType: 'EMPLOYEE',
    employmentStatus: 'RETIRED',
    phone: '13800000001',
    pockets: { EARMARKED: yuan(8000), LEGACY: yuan(1200) },
  },
  {
    key: 'lixiuying',
    name: '李秀英',
    idNumber: '110105195411200265',
    birthDate: '1954-11-20',
    regionCode: '110000',
    insuranceType: 'EMPLOYEE',
    employmentStatus: 'RETIRED',
    phone: '13800000002',
    pockets: { EARMARKED: yuan(500) },
  },
  {
    key: 'wangli',
    name: '王丽',
    idNumber: '110105198006010381',
    birthDate: '1980-06-01',
    regionCode: '110000',
    insuranceType: 'EMPLOYEE',
    employmentStatus: 'IN_SERVICE',
    phone: '13800000003',
    pockets: { EARMARKED: yuan(3500) },
  },
  {
    key: 'wangqiang',
    name: '王强',
    idNumber: '110105198309090112',
    birthDate: '1983-09-09',
    regionCode: '110000',
    insuranceType: 'EMPLOYEE',
    employmentStatus: 'IN_SERVICE',
    phone: '13800000004',
    pockets: { EARMARKED: yuan(2600) },
  },
  {
    key: 'wangxiaoming',
    name: '王小明',
    idNumber: '11010520120910055X',
    birthDate: '2012-09-10',
    regionCode: '110000',
    insuranceType: 'RESIDENT',
    employmentStatus: null,
    phone: '13800000005',
    pockets: {},
  },
  {
    key: 'zhangwei',
    name: '张伟',
    idNumber: '130102198805120135',
    birthDate: '1988-05-12',
    regionCode: '130100',
    insuranceType: 'EMPLOYEE',
    employmentStatus: 'IN_SERVICE',
    phone: '13900000001',
    pockets: { EARMARKED: yuan(2000) },
  },
  {
    key: 'zhaomin',
    name: '赵敏',
    idNumber: '370102196008080244',
    birthDate: '1960-08-08',
    regionCode: '370100',
    insuranceType: 'RESIDENT',
    employmentStatus: null,
    phone: '13900000002',
    pockets: {},
  },
  {
    key: 'liuyang',
    name: '刘洋',
    idNumber: '370202199001010357',
    birthDate: '1990-01-01',
    regionCode: '370200',
    insuranceType: 'EMPLOYEE',
    employmentStatus: 'IN_SERVICE',
    phone: '13900000003',
    pockets: { EARMARKED: yuan(4200) },
  },
  {
    key: 'liufang',
    name: '刘芳',
    idNumber: '370202196207070466',
    birthDate: '1962-07-07',
    regionCode: '370200',
    insuranceType: 'FLEXIBLE',
    employmentStatus: null,
    phone: '13900000004',
    pockets: {},
  },
];

/**
 * provider → beneficiary (relation of the beneficiary to the provider), in the beneficiary's registered order, with
 * the registration date. Each is one kinRelationRegister accepts on its date (a test re-registers them through the
 * API): Beijing opened registration on 2022-10-15 (R-KIN-3); a grandchild is in Beijing's scope only from the
 * near-relative scope on 2024-07-01 (R-KIN-1). Qingdao has set no registration date, so the Qingdao family (刘洋 and
 * his mother 刘芳) has no registration: their tie is a counter attestation, what a wallet transfer rests on (R-WAL-4).
 */
const RELATIONS: [
  provider: string,
  beneficiary: string,
  relation: string,
  position: number,
  registeredOn: string,
][] = [
  ['wangli', 'wangxiaoming', 'CHILD', 1, '2022-10-20'],
  ['wangjianguo', 'wangxiaoming', 'GRANDCHILD', 2, '2024-07-01'],
  ['wangjianguo', 'lixiuying', 'SPOUSE', 1, '2022-10-20'],
  ['wangli', 'wangjianguo', 'PARENT', 1, '2022-10-20'],
  ['wangqiang', 'wangjianguo', 'PARENT', 2, '2022-10-20'],
];

/** Household registers checked at a counter (R-WAL-4): [person, relative, relative's relation to the person]. */
const ATTESTATIONS: [person: string, relative: string, relation: string][] = [
  // 张伟 (Hebei) and his mother 赵敏 (Shandong) live in different provinces, so no mutual-aid registration links them
  // (R-KIN-2).
  ['zhangwei', 'zhaomin', 'PARENT'],
  ['zhaomin', 'zhangwei', 'CHILD'],
  // 刘洋 and his mother 刘芳 in Qingdao, where mutual-aid registration has not opened (R-KIN-3).
  ['liuyang', 'liufang', 'PARENT'],
  ['liufang', 'liuyang', 'CHILD'],
];

const INSTITUTIONS = [
  {
    code: 'H11010100001',
    name: '北京协和医院 (demo)',
    kind: 'HOSPITAL',
    level: 'TERTIARY',
    regionCode: '110000',
    acceptsWallet: false,
    openToAll: true,
  },
  {
    code: 'H11010500002',
    name: '朝阳区社区卫生服务中心 (demo)',
    kind: 'HOSPITAL',
    level: 'PRIMARY',
    regionCode: '110000',
    acceptsWallet: false,
    openToAll: false,
  },
  {
    code: 'P11010500003',
    name: '同仁堂药店 (demo)',
    kind: 'PHARMACY',
    level: 'OTHER',
    regionCode: '110000',
    acceptsWallet: false,
    openToAll: false,
  },
  {
    code: 'H13010200001',
    name: '河北医科大学第二医院 (demo)',
    kind: 'HOSPITAL',
    level: 'TERTIARY',
    regionCode: '130100',
    acceptsWallet: true,
    openToAll: true,
  },
  {
    code: 'H37010200001',
    name: '山东省立医院 (demo)',
    kind: 'HOSPITAL',
    level: 'TERTIARY',
    regionCode: '370100',
    acceptsWallet: true,
    openToAll: true,
  },
  {
    code: 'P37020200002',
    name: '青岛国大药房 (demo)',
    kind: 'PHARMACY',
    level: 'OTHER',
    regionCode: '370200',
    acceptsWallet: true,
    openToAll: false,
  },
];

/**
 * Loads the demo population into an empty database (demo mode only): institutions, three families, kin relations,
 * wallets and cards in one transaction; then the opening balances, each a balanced CONTRIBUTION_CREDIT posted by the
 * ledger writer like any other money (issue #7), so the ledger audit holds from the first start; the console users
 * last, so a database with users has the whole demo. Returns false when users already exist.
 */
export async function ensureDemoData(dataSource: DataSource, paymentPepper: string): Promise<boolean> {
  if ((await userCount(dataSource)) > 0) return false;
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashSecret(u.password)));
  const paymentPasswordHash = await hashPaymentPassword(paymentPepper, DEMO_PAYMENT_PASSWORD);
  const ids = new Map<string, string>();
  const idOf = (key: string): string => {
    const id = ids.get(key);
    if (!id) throw new Error(`demo seed: unknown person key ${key}`);
    return id;
  };
  await inTransaction(dataSource, async (manager) => {
    const now = new Date();
    // Ids kept apart from the inserted objects: a multi-row insert may write generated values back into them.
    const institutions = INSTITUTIONS.map((i) => ({ ...i, id: randomUUID() }));
    await insertInstitutions(
      manager,
      institutions.map((i) => ({ designated: true, ...i })),
    );
    for (const p of PERSONS) {
      const id = randomUUID();
      ids.set(p.key, id);
      await insertRegisteredPerson(manager, {
        person: {
          id,
          idNumber: p.idNumber,
          name: p.name,
          phone: p.phone,
          birthDate: p.birthDate,
          regionCode: p.regionCode,
          insuranceType: p.insuranceType,
          employmentStatus: p.employmentStatus,
          realNameVerified: true,
          outOfRegionUsePermission: false,
          bankCardLinked: false,
          paymentPasswordHash,
          paymentPasswordSetAt: now,
          paymentPasswordFailures: 0,
          paymentLockedAt: null,
          passwordFreeLimit: yuan(200),
          createdAt: now,
          updatedAt: now,
        },
        // Opened empty; the opening balances are posted by the ledger writer below.
        pocketKinds: demoPocketKinds(p),
        cardNumber: newCardNumber(),
        now,
      });
      // R-USE-1: each person has chosen the demo hospitals of their region that are not open to all.
      const chosen = institutions.filter(
        (i) => i.kind === 'HOSPITAL' && !i.openToAll && i.regionCode === p.regionCode,
      );
      if (chosen.length > 0) {
        await replaceChosenHospitals(
          manager,
          id,
          chosen.map((i) => i.id),
        );
      }
    }
    for (const [provider, beneficiary, relation, position, registeredOn] of RELATIONS) {
      await insertKinRelation(manager, {
        id: randomUUID(),
        providerId: idOf(provider),
        beneficiaryId: idOf(beneficiary),
        relation,
        channel: 'COUNTER',
        position,
        registeredOn,
        proxyOnly: false,
        createdAt: now,
        revokedAt: null,
      });
    }
    // Residents get their own schedule (issue #9); the seeds give no figures, so the demo carries illustrative ones.
    await insertPolicySetting(manager, {
      id: randomUUID(),
      scopeRegionCode: '110000',
      kind: 'RESIDENT_BENEFIT_SCHEDULE',
      purpose: null,
      effectiveFrom: '2020-01-01',
      value: JSON.parse(stringifyPayload(DEMO_RESIDENT_SCHEDULE)) as Record<string, unknown>,
      createdBy: 'DEMO:seed',
      createdAt: now,
      retiredAt: null,
    });
    // Counter staff checked these families' household registers, which is what a wallet transfer rests on (R-WAL-4).
    for (const [person, relative, relation] of ATTESTATIONS) {
      await insertAttestation(manager, {
        id: randomUUID(),
        personId: idOf(person),
        relativePersonId: idOf(relative),
        relation,
        evidenceKind: 'HOUSEHOLD_REGISTER',
        evidenceRef: 'demo',
        checkedBy: 'DEMO:seed',
        checkedByName: '窗口经办 (demo)',
        checkedAt: new Date('2024-06-01T02:00:00Z'),
        revokedAt: null,
      });
    }
    // 赵敏 (Jinan, Shandong) confirmed her wallet, so her son 张伟 in Shijiazhuang (Hebei) can transfer to her (R-WAL-5).
    // She confirmed it the day Jinan opened the wallet (R-WAL-2), so transfers dated from then on reach her.
    await saveWallet(manager, {
      personId: idOf('zhaomin'),
      usageRegionCode: '370100',
      phone: '13900000002',
      activatedAt: new Date('2025-05-08T00:00:00+08:00'),
      usageRegionChangedAt: null,
    });
  });
  const writer = new LedgerWriter(dataSource);
  for (const p of PERSONS) {
    for (const kind of demoPocketKinds(p)) {
      const balance = p.pockets[kind] ?? (0n as Fen);
      if (balance !== 0n) await postOpeningBalance(writer, idOf(p.key), p.idNumber, kind, balance);
    }
  }
  await inTransaction(dataSource, async (manager) => {
    const now = new Date();
    await insertUsers(
      manager,
      DEMO_USERS.map((u, i) => ({
        id: randomUUID(),
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        passwordHash: hashes[i],
        createdAt: now,
        disabledAt: null,
      })),
    );
  });
  return true;
}

/** Employees hold the three pockets, anyone else insured a WALLET only (R-ACC-1/3). */
function demoPocketKinds(p: DemoPerson): PocketKind[] {
  return p.insuranceType === 'EMPLOYEE'
    ? [PocketKind.EARMARKED, PocketKind.LEGACY, PocketKind.WALLET]
    : [PocketKind.WALLET];
}

/** A demo opening balance: contributions credited to one pocket, written by the ledger writer (R-ACC-4). */
async function postOpeningBalance(
  writer: LedgerWriter,
  personId: string,
  idNumber: string,
  kind: PocketKind,
  balance: Fen,
): Promise<void> {
  const result = await writer.execute({
    clientId: 'demo-seed',
    operation: 'demoOpeningBalance',
    idempotencyKey: `demo-opening:${idNumber}:${kind}`,
    request: { idNumber, kind, balance },
    personIds: [personId],
    decide: async () => ({
      payload: null,
      transaction: {
        kind: TransactionKind.CONTRIBUTION_CREDIT,
        amount: balance,
        personId,
        explanation: [
          {
            rule: 'R-ACC-4',
            message: `Demo opening balance of the ${kind} pocket, credited from collected contributions`,
            code: 'DEMO_OPENING_BALANCE',
            params: { pocket: termParam('pocket', kind) },
          },
        ],
        details: { demo: true },
        postings: [
          { account: systemAccount(SystemAccount.CONTRIBUTION_SOURCE), amount: -balance as Fen },
          { account: pocketAccount(personId, kind), amount: balance },
        ],
      },
    }),
  });
  if (result.outcome !== 'EXECUTED')
    throw new Error(`demo seed: opening balance ${idNumber} ${kind}: ${result.outcome}`);
}

export const DEMO_PERSON_COUNT = PERSONS.length;
