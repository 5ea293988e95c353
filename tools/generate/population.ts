import {
  EmploymentStatus,
  InsuranceType,
  KinChannel,
  Relation,
  hasPersonalAccount,
  idCheckCharacter,
} from '@gongji/domain';
import type { Random } from './cli-support';

/** A pooling region as the generator uses it (read from the `regions` table). */
export interface PoolRegion {
  readonly code: string;
  readonly provinceCode: string;
  readonly level: string;
  readonly synthetic: boolean;
  /** R-KIN-3: the region's (or its province's) registration date; null = mutual aid not open there. */
  readonly mutualAidRegistrationFrom: string | null;
}

export interface GeneratedPerson {
  readonly id: string;
  readonly idNumber: string;
  readonly name: string;
  readonly phone: string;
  readonly birthDate: string;
  readonly regionCode: string;
  readonly insuranceType: InsuranceType;
  readonly employmentStatus: EmploymentStatus | null;
  readonly realNameVerified: boolean;
  readonly outOfRegionUsePermission: boolean;
  /** Monthly credit to the personal account in fen (R-ACC-4); 0 for persons without one (R-ACC-1). */
  readonly monthlyCredit: bigint;
}

export interface GeneratedRelation {
  readonly id: string;
  readonly providerId: string;
  readonly beneficiaryId: string;
  readonly relation: Relation;
  readonly channel: KinChannel;
  /** 1-based registered order of this provider for the beneficiary (R-KIN-4). */
  readonly position: number;
  readonly registeredOn: string;
}

export interface Household {
  readonly persons: GeneratedPerson[];
  readonly relations: GeneratedRelation[];
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国玉兰志强海燕红梅立新文博子涵思远欣怡浩然雨轩梓萱宇航晨曦佳怡俊杰嘉怡'.split(
    '',
  );
const CHANNELS = [
  KinChannel.NATIONAL_APP,
  KinChannel.NATIONAL_APP,
  KinChannel.PUBLIC_SERVICE_PLATFORM,
  KinChannel.JINGTONG_MINI_PROGRAM,
  KinChannel.BUREAU_WEBSITE,
  KinChannel.COUNTER,
];

const DAY_MS = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Builds households (a couple, 0–2 children, sometimes a grandparent) in one pooling region each, so every
 * registered relation is local (R-KIN-2). Employee participants get a personal account (R-ACC-1); relations are
 * registered only where the region's mutual-aid registration is open, on or after that date (R-KIN-3), only with
 * employee providers (R-KIN-1) and only spouse/parent/child (in scope everywhere since 2021, R-KIN-1), in an order
 * per beneficiary (R-KIN-4).
 */
export class PopulationGenerator {
  private readonly regions: PoolRegion[];
  private readonly cumulative: number[];
  private readonly todayMs: number;

  constructor(
    private readonly rng: Random,
    regions: readonly PoolRegion[],
    private readonly today: string,
  ) {
    this.regions = [...regions];
    let sum = 0;
    this.cumulative = this.regions.map((r) => (sum += weightOf(r)));
    this.todayMs = Date.parse(`${today}T00:00:00Z`);
  }

  household(): Household {
    const region = this.pickRegion();
    const persons: GeneratedPerson[] = [];
    const a = this.person(region, this.rng.int(24, 64), 'adult');
    const couple = this.rng.chance(0.8);
    const b = couple
      ? this.person(region, clamp(ageOf(a, this.todayMs) + this.rng.int(-5, 5), 20, 70), 'adult')
      : null;
    persons.push(a);
    if (b) persons.push(b);
    const parentAge = Math.min(ageOf(a, this.todayMs), b ? ageOf(b, this.todayMs) : 99);
    const children: GeneratedPerson[] = [];
    const kids = parentAge < 22 ? 0 : this.rng.pick([0, 1, 1, 1, 2, 2]);
    for (let i = 0; i < kids; i++) {
      children.push(this.person(region, this.rng.int(0, Math.min(30, parentAge - 21)), 'child'));
    }
    persons.push(...children);
    const grandparent =
      this.rng.chance(0.3) && ageOf(a, this.todayMs) < 60
        ? this.person(region, Math.min(95, ageOf(a, this.todayMs) + this.rng.int(22, 32)), 'elder')
        : null;
    if (grandparent) persons.push(grandparent);

    const relations: GeneratedRelation[] = [];
    if (region.mutualAidRegistrationFrom) {
      const from = region.mutualAidRegistrationFrom;
      const register = (beneficiary: GeneratedPerson, providers: [GeneratedPerson, Relation][]) => {
        let position = 0;
        const on = this.dateBetween(from, this.today);
        for (const [provider, relation] of providers) {
          if (!hasPersonalAccount(provider.insuranceType)) continue;
          relations.push({
            id: this.rng.uuid(),
            providerId: provider.id,
            beneficiaryId: beneficiary.id,
            relation,
            channel: this.rng.pick(CHANNELS),
            position: ++position,
            registeredOn: on,
          });
        }
      };
      // Most families that may register do so; a beneficiary with its own account registers less often.
      for (const child of children) {
        if (this.rng.chance(0.85))
          register(
            child,
            this.rng.chance(0.5) && b
              ? [
                  [b, Relation.CHILD],
                  [a, Relation.CHILD],
                ]
              : [[a, Relation.CHILD], ...(b ? [[b, Relation.CHILD] as [GeneratedPerson, Relation]] : [])],
          );
      }
      if (b && this.rng.chance(hasPersonalAccount(b.insuranceType) ? 0.3 : 0.8))
        register(b, [[a, Relation.SPOUSE]]);
      if (b && this.rng.chance(hasPersonalAccount(a.insuranceType) ? 0.3 : 0.8))
        register(a, [[b, Relation.SPOUSE]]);
      if (grandparent && this.rng.chance(0.7)) register(grandparent, [[a, Relation.PARENT]]);
    }
    return { persons, relations };
  }

  private pickRegion(): PoolRegion {
    const x = this.rng.next() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return this.regions[lo];
  }

  private person(region: PoolRegion, age: number, role: 'adult' | 'child' | 'elder'): GeneratedPerson {
    const rng = this.rng;
    // A birth date `age` years before today, anywhere in that year of life.
    const birthMs = this.todayMs - Math.round((age + rng.next()) * 365.2425 * DAY_MS);
    const birthDate = isoDay(Math.max(birthMs, Date.parse('1925-01-01T00:00:00Z')));
    let insuranceType: InsuranceType;
    let employmentStatus: EmploymentStatus | null = null;
    if (age < 18 || (role === 'child' && age < 22)) insuranceType = InsuranceType.RESIDENT;
    else if (age >= 60) {
      insuranceType = rng.chance(0.55) ? InsuranceType.EMPLOYEE : InsuranceType.RESIDENT;
      if (insuranceType === InsuranceType.EMPLOYEE) employmentStatus = EmploymentStatus.RETIRED;
    } else {
      const x = rng.next();
      insuranceType =
        x < 0.74 ? InsuranceType.EMPLOYEE : x < 0.78 ? InsuranceType.FLEXIBLE : InsuranceType.RESIDENT;
      if (insuranceType === InsuranceType.EMPLOYEE) employmentStatus = EmploymentStatus.IN_SERVICE;
    }
    // In service: 2 % of a 4,000–25,000 yuan wage base; retired: a flat 90–200 yuan (both vary by region in life).
    const monthlyCredit =
      employmentStatus === EmploymentStatus.IN_SERVICE
        ? BigInt(rng.int(4_000, 25_000) * 2)
        : employmentStatus === EmploymentStatus.RETIRED
          ? BigInt(rng.int(90, 200) * 100)
          : 0n;
    const prefix = idPrefixOf(region, rng);
    const sequence = String(rng.int(0, 999)).padStart(3, '0');
    const first17 = `${prefix}${birthDate.replace(/-/g, '')}${sequence}`;
    return {
      id: rng.orderedUuid(),
      idNumber: `${first17}${idCheckCharacter(first17)}`,
      name: `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.chance(0.7) ? rng.pick(GIVEN) : ''}`,
      phone: `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`,
      birthDate,
      regionCode: region.code,
      insuranceType,
      employmentStatus,
      realNameVerified: rng.chance(0.8),
      outOfRegionUsePermission: rng.chance(0.1),
      monthlyCredit,
    };
  }

  private dateBetween(from: string, to: string): string {
    const a = Date.parse(`${from}T00:00:00Z`);
    const b = Date.parse(`${to}T00:00:00Z`);
    return isoDay(a + Math.floor(this.rng.next() * Math.max(1, (b - a) / DAY_MS)) * DAY_MS);
  }
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, x));
}

function ageOf(p: GeneratedPerson, todayMs: number): number {
  return Math.floor((todayMs - Date.parse(`${p.birthDate}T00:00:00Z`)) / (365.2425 * DAY_MS));
}

/** Province-level pools and large cities weigh more; county and special pools less. */
function weightOf(r: PoolRegion): number {
  switch (r.level) {
    case 'PROVINCE':
      return 25;
    case 'CITY':
      return 1;
    case 'SPECIAL':
      return 0.1;
    default:
      return 0.3;
  }
}

/**
 * The first six digits of an ID number (GB/T 2260 division of the household registration): a district of the pool's
 * city (`xxyy01`…`xxyy05`), for a province-level pool one of its districts, for a special pool (oil field, XPCC
 * division…) a district of the province's capital (XPCC people mostly hold 65… numbers).
 */
function idPrefixOf(region: PoolRegion, rng: Random): string {
  const district = String(rng.int(1, 5)).padStart(2, '0');
  if (region.synthetic || region.level === 'SPECIAL') {
    const province = region.provinceCode === '660000' ? '65' : region.provinceCode.slice(0, 2);
    return `${province}01${district}`;
  }
  if (region.level === 'PROVINCE') return `${region.code.slice(0, 2)}01${district}`;
  if (region.code.endsWith('00')) return `${region.code.slice(0, 4)}${district}`;
  return region.code.slice(0, 6);
}
