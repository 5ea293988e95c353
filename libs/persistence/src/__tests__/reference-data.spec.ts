import { createDataSource } from '../data-source';
import { ENTITY_DIALECT, PublishedFigureEntity, ReferenceDataVersionEntity, RegionEntity } from '../entities';
import {
  REGIONS_DATA,
  REGIONS_DATASET,
  type RegionsData,
  ensureReferenceData,
  referenceDataVersion,
} from '../seed/reference-data';
import { QueryCounter } from '../query-counter';
import { PREVIOUS_REGIONS_DATA } from '../testing/previous-regions';
import { type TestDatabase, createTestDatabase } from '../testing/test-database';

const ALL = REGIONS_DATA.provinces.length + REGIONS_DATA.regions.length;
const PREVIOUS = PREVIOUS_REGIONS_DATA.provinces.length + PREVIOUS_REGIONS_DATA.regions.length;

describe(`reference data on ${ENTITY_DIALECT}`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());
  const regions = () => db.dataSource.getRepository(RegionEntity);

  it('R-WAL-2: loads every province and every pooling region once, with the published figure and the version', async () => {
    const result = await ensureReferenceData(db.dataSource);
    expect(result).toMatchObject({ unchanged: false, added: ALL, updated: 0, withdrawn: 0, active: ALL });
    expect(await regions().countBy({ level: 'PROVINCE' })).toBe(REGIONS_DATA.provinces.length);
    const figure = await db.dataSource
      .getRepository(PublishedFigureEntity)
      .findOneByOrFail({ metric: 'WALLET_REGIONS_OPEN' });
    expect(figure).toMatchObject({ asOf: '2025-05-08', value: 227 });
    const beijing = await regions().findOneByOrFail({ code: '110000' });
    expect(beijing).toMatchObject({
      isPool: true,
      earmarkedFrom: '2022-09-01',
      mutualAidRegistrationFrom: '2022-10-15',
      mutualAidUseFrom: '2022-12-01',
      supplementaryPremiumSelfFrom: '2022-09-01',
      supplementaryPremiumKinFrom: '2022-12-01',
      walletFrom: null,
      active: true,
      staffOwnedFields: null,
    });
    expect(await regions().findOneByOrFail({ code: '350100' })).toMatchObject({
      name: '福州市',
      provinceCode: '350000',
      isPool: true,
      walletFrom: null,
      sourceName: null,
    });
    const version = await db.dataSource
      .getRepository(ReferenceDataVersionEntity)
      .findOneByOrFail({ dataset: REGIONS_DATASET });
    expect(version.version).toBe(referenceDataVersion(REGIONS_DATA));
  });

  it('an unchanged start does nothing but the version check: one SQL statement', async () => {
    const before = await regions().findOneByOrFail({ code: '110000' });
    const counter = new QueryCounter();
    const second = createDataSource({ url: db.url, migrationsRun: false, logger: counter });
    await second.initialize();
    try {
      counter.reset();
      const result = await ensureReferenceData(second);
      expect(result).toMatchObject({ unchanged: true, added: 0, updated: 0, active: ALL });
      expect(counter.statements).toHaveLength(1);
      expect(counter.statements[0]).toMatch(/reference_data_versions/);
    } finally {
      await second.destroy();
    }
    expect((await regions().findOneByOrFail({ code: '110000' })).version).toBe(before.version);
  });
});

describe(`reference data upgrades on ${ENTITY_DIALECT} (issue #9)`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());
  const regions = () => db.dataSource.getRepository(RegionEntity);

  it('from the previous release: new regions added, staff-owned fields kept, the rest untouched', async () => {
    expect(await ensureReferenceData(db.dataSource, PREVIOUS_REGIONS_DATA)).toMatchObject({
      added: PREVIOUS,
    });
    // Staff moved 石家庄's wallet date (regionUpdate marks the field staff-owned).
    await regions().update(
      { code: '130100' },
      { walletFrom: '2025-01-15', walletFromBasis: 'EXACT', staffOwnedFields: ['walletFrom'] },
    );
    const result = await ensureReferenceData(db.dataSource);
    console.log(`reference data upgrade on ${ENTITY_DIALECT}: ${JSON.stringify(result)}`);
    expect(result).toMatchObject({
      unchanged: false,
      added: ALL - PREVIOUS,
      updated: 0,
      withdrawn: 0,
      staffEditsKept: 1,
      active: ALL,
    });
    expect(await regions().findOneByOrFail({ code: '130100' })).toMatchObject({
      walletFrom: '2025-01-15',
      walletFromBasis: 'EXACT',
      staffOwnedFields: ['walletFrom'],
    });
    expect(await regions().countBy({ walletFrom: '2025-05-08', level: 'CITY' })).toBeGreaterThan(100);
    expect(await regions().findOneByOrFail({ code: '540100' })).toMatchObject({ name: '拉萨市' });
  });

  it('a renamed code is updated unless staff own the name; a withdrawn one is marked inactive, never deleted; a returning one is reinstated', async () => {
    await regions().update({ code: '350200' }, { name: '厦门市（员工改）', staffOwnedFields: ['name'] });
    const changed: RegionsData = {
      ...REGIONS_DATA,
      regions: REGIONS_DATA.regions
        .filter((r) => r.code !== '350900')
        .map((r) => (r.code === '350100' || r.code === '350200' ? { ...r, name: `${r.name}（新名）` } : r)),
    };
    const result = await ensureReferenceData(db.dataSource, changed);
    expect(result).toMatchObject({ added: 0, updated: 1, withdrawn: 1, staffEditsKept: 2, active: ALL - 1 });
    expect((await regions().findOneByOrFail({ code: '350100' })).name).toBe('福州市（新名）');
    expect((await regions().findOneByOrFail({ code: '350200' })).name).toBe('厦门市（员工改）');
    const withdrawn = await regions().findOneByOrFail({ code: '350900' });
    expect(withdrawn).toMatchObject({ name: '宁德市', active: false });
    expect(withdrawn.withdrawnAt).toBeInstanceOf(Date);

    const back = await ensureReferenceData(db.dataSource);
    expect(back).toMatchObject({ added: 0, updated: 2, withdrawn: 0, reinstated: 1, active: ALL });
    expect(await regions().findOneByOrFail({ code: '350900' })).toMatchObject({
      active: true,
      withdrawnAt: null,
    });
    expect((await regions().findOneByOrFail({ code: '350100' })).name).toBe('福州市');
    expect((await regions().findOneByOrFail({ code: '350200' })).name).toBe('厦门市（员工改）');
    expect(await ensureReferenceData(db.dataSource)).toMatchObject({ unchanged: true });
  });
});
