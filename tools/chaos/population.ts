import { randomBytes, randomUUID } from 'node:crypto';
import * as argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import { call } from './client';
import { InstitutionEntity, UserEntity, makeIdNumber } from './chaos-support';

/** A hot Beijing family: the patient B spends her own account, then P1's, then P2's, in registered order (R-KIN-4). */
export interface Family {
  readonly providers: readonly Person[];
  readonly beneficiary: Person;
}

/** Two relatives in different provinces with confirmed wallets: transfers cross the province line (R-WAL-3). */
export interface WalletPair {
  readonly hebei: Person;
  readonly shandong: Person;
}

export interface Person {
  readonly id: string;
  readonly idNumber: string;
  readonly regionCode: string;
  /** Personal data, which must never reach a log line (issue #11). */
  readonly name: string;
  readonly phone: string;
}

export interface Population {
  readonly token: string;
  readonly families: readonly Family[];
  readonly pairs: readonly WalletPair[];
  readonly hospitals: { readonly beijing: string; readonly hebei: string; readonly shandong: string };
  /** Everyone who may receive monthly credits (employees with an account). */
  readonly creditable: readonly Person[];
}

const REGISTER = `mutation($input: PersonRegisterInput!) { personRegister(input: $input) { person { id } userErrors { code message } } }`;
const KIN = `mutation($input: KinRelationRegisterInput!) { kinRelationRegister(input: $input) { userErrors { code message } } }`;
const ATTEST = `mutation($input: RelationshipAttestationRecordInput!) { relationshipAttestationRecord(input: $input) { userErrors { code message } } }`;
const WALLET = `mutation($input: WalletActivateInput!) { walletActivate(input: $input) { userErrors { code message } } }`;
const LOGIN = `mutation($u: String!, $p: String!) { sessionCreate(input: { username: $u, password: $p }) { token userErrors { code } } }`;

type Payload = Record<string, { userErrors: { code: string; message: string }[] } & Record<string, unknown>>;

async function must(url: string, token: string, query: string, input: unknown, field: string) {
  const data = await call<Payload>(url, token, query, { input });
  const errors = data[field].userErrors;
  if (errors.length) throw new Error(`${field}: ${JSON.stringify(errors)} for ${JSON.stringify(input)}`);
  return data[field];
}

/**
 * Creates what the production server does not have (it loads no demo data): a console user and three designated
 * hospitals, directly in the database as the settlements bench does; then the people, relations, attestations and
 * wallets THROUGH THE API, as counter staff would.
 */
export async function createPopulation(
  dataSource: DataSource,
  url: string,
  sizes: { families: number; pairs: number },
): Promise<Population> {
  const username = 'chaos-admin';
  const password = randomBytes(12).toString('base64url');
  await dataSource.getRepository(UserEntity).insert({
    id: randomUUID(),
    username,
    displayName: 'chaos test',
    role: 'ADMIN',
    passwordHash: await argon2.hash(password, { type: argon2.argon2id }),
    createdAt: new Date(),
    disabledAt: null,
  });
  const hospital = (code: string, regionCode: string) => ({
    id: randomUUID(),
    code,
    name: `混沌测试医院 ${code}`,
    kind: 'HOSPITAL',
    level: 'TERTIARY',
    regionCode,
    designated: true,
    acceptsWallet: true,
    openToAll: true,
  });
  const hospitals = [
    hospital('HCHAOS11001', '110000'),
    hospital('HCHAOS13001', '130100'),
    hospital('HCHAOS37001', '370100'),
  ];
  await dataSource.getRepository(InstitutionEntity).insert(hospitals);
  const login = await call<{ sessionCreate: { token: string } }>(url, null, LOGIN, {
    u: username,
    p: password,
  });
  const token = login.sessionCreate.token;

  let seq = 0;
  const register = async (regionCode: string, prefix: string, birthDate: string): Promise<Person> => {
    seq++;
    const idNumber = makeIdNumber(prefix, birthDate, 100 + seq);
    const name = `混沌测试者${String.fromCharCode(0x4e00 + seq)}`;
    const phone = `139${String(10_000_000 + seq).slice(-8)}`;
    const r = await must(
      url,
      token,
      REGISTER,
      {
        name,
        idNumber,
        regionCode,
        insuranceType: 'EMPLOYEE',
        employmentStatus: 'IN_SERVICE',
        phone,
        realNameVerified: true,
        reason: 'chaos test population',
      },
      'personRegister',
    );
    return { id: (r['person'] as { id: string }).id, idNumber, regionCode, name, phone };
  };

  const families: Family[] = [];
  for (let f = 0; f < sizes.families; f++) {
    const p1 = await register('110000', '110105', '1960-03-01');
    const p2 = await register('110000', '110105', '1962-04-01');
    const b = await register('110000', '110105', '1988-05-01');
    // Registered before the service dates the clients use, so the relations are in force on them.
    for (const [provider, relation] of [
      [p1, 'CHILD'],
      [p2, 'CHILD'],
    ] as const) {
      await must(
        url,
        token,
        KIN,
        { providerId: provider.id, beneficiaryId: b.id, relation, channel: 'COUNTER', on: '2025-01-02' },
        'kinRelationRegister',
      );
    }
    families.push({ providers: [p1, p2], beneficiary: b });
  }
  const pairs: WalletPair[] = [];
  for (let w = 0; w < sizes.pairs; w++) {
    const hebei = await register('130100', '130102', '1985-06-01');
    const shandong = await register('370100', '370102', '1958-07-01');
    for (const [person, relative, relation] of [
      [hebei, shandong, 'PARENT'],
      [shandong, hebei, 'CHILD'],
    ] as const) {
      await must(
        url,
        token,
        ATTEST,
        {
          personId: person.id,
          relativePersonId: relative.id,
          relation,
          evidenceKind: 'HOUSEHOLD_REGISTER',
          evidenceRef: `chaos-${w}`,
          reason: 'chaos test: household register checked',
        },
        'relationshipAttestationRecord',
      );
    }
    for (const p of [hebei, shandong]) {
      await must(
        url,
        token,
        WALLET,
        {
          personId: p.id,
          usageRegionCode: p.regionCode,
          phone: `138${String(10_000_000 + pairs.length * 2 + (p === hebei ? 0 : 1)).slice(-8)}`,
        },
        'walletActivate',
      );
    }
    pairs.push({ hebei, shandong });
  }
  return {
    token,
    families,
    pairs,
    hospitals: { beijing: hospitals[0].id, hebei: hospitals[1].id, shandong: hospitals[2].id },
    creditable: [
      ...families.flatMap((f) => [...f.providers, f.beneficiary]),
      ...pairs.flatMap((p) => [p.hebei, p.shandong]),
    ],
  };
}
