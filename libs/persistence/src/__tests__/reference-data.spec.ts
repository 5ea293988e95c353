import { ENTITY_DIALECT, PublishedFigureEntity, RegionEntity } from '../entities';
import { REGIONS_DATA, ensureReferenceData } from '../seed/reference-data';
import { type TestDatabase, createTestDatabase } from '../testing/test-database';

describe(`reference data on ${ENTITY_DIALECT}`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());

  it('R-WAL-2: loads every province and every named region once, with the published figure', async () => {
    const inserted = await ensureReferenceData(db.dataSource);
    expect(inserted).toBe(REGIONS_DATA.provinces.length + REGIONS_DATA.regions.length);
    const repo = db.dataSource.getRepository(RegionEntity);
    expect(await repo.countBy({ level: 'PROVINCE' })).toBe(REGIONS_DATA.provinces.length);
    const figure = await db.dataSource
      .getRepository(PublishedFigureEntity)
      .findOneByOrFail({ metric: 'WALLET_REGIONS_OPEN' });
    expect(figure).toMatchObject({ asOf: '2025-05-08', value: 227 });
    const beijing = await repo.findOneByOrFail({ code: '110000' });
    expect(beijing).toMatchObject({
      isPool: true,
      earmarkedFrom: '2022-09-01',
      mutualAidRegistrationFrom: '2022-10-15',
      mutualAidUseFrom: '2022-12-01',
      supplementaryPremiumSelfFrom: '2022-09-01',
      supplementaryPremiumKinFrom: '2022-12-01',
      walletFrom: null,
    });
  });

  it('never loads over existing rows, so staff edits survive a restart', async () => {
    await db.dataSource
      .getRepository(RegionEntity)
      .update({ code: '110000' }, { mutualAidUseFrom: '2022-12-09' });
    expect(await ensureReferenceData(db.dataSource)).toBe(0);
    expect(
      (await db.dataSource.getRepository(RegionEntity).findOneByOrFail({ code: '110000' })).mutualAidUseFrom,
    ).toBe('2022-12-09');
  });
});
