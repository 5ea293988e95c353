import { KinPurpose, Relation } from '../../kin/kin';
import {
  kinshipScopeChangePeriods,
  losesEffectInAnyPeriod,
  removedInAnyPeriod,
} from '../kinship-scope-change';
import type { PolicySetting, RegionRollout } from '../policy';

const BEIJING: RegionRollout = { code: '110000', dates: {} };
const DONGCHENG: RegionRollout = { code: '110101', dates: {} };
const { SPOUSE, PARENT, CHILD, GRANDCHILD, SIBLING } = Relation;
const BASIC = [SPOUSE, PARENT, CHILD];
const MEDICAL = KinPurpose.MEDICAL;

const scope = (
  scopeRegionCode: string | null,
  effectiveFrom: string,
  value: Relation[],
  purpose = MEDICAL,
): PolicySetting => ({ kind: 'KINSHIP_SCOPE', scopeRegionCode, purpose, effectiveFrom, value });

const periods = (
  settings: PolicySetting[],
  effectiveFrom: string,
  relations: Relation[],
  scopeRegionCode: string | null = '110000',
  chain: [RegionRollout, ...RegionRollout[]] = [BEIJING],
) =>
  kinshipScopeChangePeriods({
    chain,
    settings,
    proposal: { scopeRegionCode, purpose: MEDICAL, effectiveFrom, relations },
  });

describe('kinshipScopeChangePeriods (R-KIN-1: the scope is effective-dated per region and purpose)', () => {
  it('a past date before the national near-relative scope of 2024-07-01 narrows it from that day on (audit C #1)', () => {
    const p = periods([], '2024-01-01', BASIC);
    expect(p).toEqual([
      {
        from: '2024-07-01',
        until: null,
        before: expect.arrayContaining([GRANDCHILD, SIBLING, ...BASIC]),
        after: BASIC,
        removed: expect.arrayContaining([GRANDCHILD, SIBLING]),
        added: [],
      },
    ]);
    expect(removedInAnyPeriod(p)).not.toContain(SPOUSE);
  });

  it('a future date compares with the scope then in force', () => {
    const p = periods([], '2027-01-01', BASIC);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ from: '2027-01-01', until: null, after: BASIC });
    expect(p[0].removed).toEqual(expect.arrayContaining([GRANDCHILD, SIBLING]));
  });

  it('a date between two rows of the region ends at the next row of the same region and purpose', () => {
    const settings = [
      scope('110000', '2023-01-01', BASIC),
      scope('110000', '2026-01-01', [...BASIC, SIBLING]),
    ];
    const p = periods(settings, '2024-01-01', [SPOUSE]);
    expect(p).toEqual([
      {
        from: '2024-01-01',
        until: '2026-01-01',
        before: BASIC,
        after: [SPOUSE],
        removed: [PARENT, CHILD],
        added: [],
      },
    ]);
  });

  it('cuts at every row of the chain inside the stretch: a national row after the date is hidden too', () => {
    const settings = [scope(null, '2025-01-01', [...BASIC, GRANDCHILD])];
    const p = periods(settings, '2023-01-01', BASIC);
    // 2023-01-01 … 2024-07-01: basic both before and after (nothing changes, left out); then the built-in near
    // relatives, then the national row of 2025 with the grandchild — all hidden by the Beijing row.
    expect(p.map((x) => [x.from, x.until])).toEqual([
      ['2024-07-01', '2025-01-01'],
      ['2025-01-01', null],
    ]);
    expect(p[1].removed).toEqual([GRANDCHILD]);
  });

  it('only adding relations removes nothing in any period', () => {
    const p = periods([], '2024-01-01', Object.values(Relation));
    expect(removedInAnyPeriod(p)).toEqual([]);
    expect(p[0]).toMatchObject({ from: '2024-01-01', until: '2024-07-01', removed: [] });
  });

  it('a province row does not reach a district whose own row applies, but reaches it before that row starts', () => {
    const settings = [scope('110101', '2025-01-01', [SPOUSE])];
    const p = periods(settings, '2024-01-01', [SPOUSE, PARENT], '110000', [DONGCHENG, BEIJING]);
    expect(p).toEqual([
      expect.objectContaining({ from: '2024-01-01', until: '2024-07-01', removed: [CHILD] }),
      expect.objectContaining({ from: '2024-07-01', until: '2025-01-01' }),
    ]);
  });

  it('a correction of a row on the same day compares with the old row', () => {
    const settings = [scope('110000', '2024-01-01', [SPOUSE])];
    expect(periods(settings, '2024-01-01', [SPOUSE, CHILD])[0]).toMatchObject({
      removed: [],
      added: [CHILD],
    });
  });

  it('a registration loses effect only in a narrowing stretch that has not ended by its first day', () => {
    const stretch = (from: string, until: string | null, removed: Relation[]) => ({
      from,
      until,
      before: [...BASIC, ...removed],
      after: BASIC,
      removed,
      added: [],
    });
    const periods = [
      stretch('2024-07-01', '2025-01-01', [GRANDCHILD]),
      stretch('2026-01-01', null, [SIBLING]),
    ];
    expect(losesEffectInAnyPeriod(periods, GRANDCHILD, '2024-07-01')).toBe(true);
    expect(losesEffectInAnyPeriod(periods, GRANDCHILD, '2024-12-31')).toBe(true);
    expect(losesEffectInAnyPeriod(periods, GRANDCHILD, '2025-01-01')).toBe(false); // the stretch ended that morning
    expect(losesEffectInAnyPeriod(periods, SIBLING, '2030-05-01')).toBe(true); // open-ended
    expect(losesEffectInAnyPeriod(periods, CHILD, '2020-01-01')).toBe(false); // never removed
  });
});
