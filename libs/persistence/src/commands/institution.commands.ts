import type { EntityManager } from 'typeorm';
import { ENTITY_DIALECT, InstitutionEntity } from '../entities';
import type { DataSource } from '../orm-types';

/** Filters of the `institutions` connection; every given condition must hold. */
export interface InstitutionQuery {
  /** Part of the name (case-insensitive) or of the national code. */
  readonly q?: string | null;
  readonly kind?: string | null;
  readonly level?: string | null;
  readonly regionCode?: string | null;
  readonly designated?: boolean | null;
  /** Only this institution (a portal sees its own institution only). */
  readonly id?: string | null;
}

/**
 * One page of institutions by national code (ties by id) and the number matching the filter. `LOWER(…) LIKE` folds
 * case the same way on SQLite and PostgreSQL (ASCII; Chinese names have no case).
 */
export async function institutionsPage(
  dataSource: DataSource,
  f: InstitutionQuery,
  page: { readonly offset: number; readonly limit: number },
): Promise<{ rows: InstitutionEntity[]; total: number }> {
  const qb = dataSource.getRepository(InstitutionEntity).createQueryBuilder('i');
  const q = f.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`.toLowerCase();
    qb.andWhere("(LOWER(i.name) LIKE :q ESCAPE '\\' OR LOWER(i.code) LIKE :q ESCAPE '\\')", { q: like });
  }
  if (f.id != null) qb.andWhere('i.id = :id', { id: f.id });
  if (f.kind) qb.andWhere('i.kind = :kind', { kind: f.kind });
  if (f.level) qb.andWhere('i.level = :level', { level: f.level });
  if (f.regionCode) qb.andWhere('i.regionCode = :regionCode', { regionCode: f.regionCode });
  if (f.designated != null) qb.andWhere('i.designated = :designated', { designated: f.designated });
  const total = await qb.clone().getCount();
  const rows = await qb
    .orderBy('i.code', 'ASC')
    .addOrderBy('i.id', 'ASC')
    .offset(page.offset)
    .limit(page.limit)
    .getMany();
  return { rows, total };
}

/** An institution by id (no lock). */
export function institutionOfId(manager: EntityManager, id: string): Promise<InstitutionEntity | null> {
  return manager.getRepository(InstitutionEntity).findOneBy({ id });
}

/** An institution by id, locked FOR UPDATE on PostgreSQL (one staff change at a time; SQLite serialises). */
export function institutionForUpdate(manager: EntityManager, id: string): Promise<InstitutionEntity | null> {
  return manager.getRepository(InstitutionEntity).findOne({
    where: { id },
    lock: ENTITY_DIALECT === 'postgres' ? { mode: 'pessimistic_write' } : undefined,
  });
}

/** The institution holding a national code, or null. */
export function institutionOfCode(manager: EntityManager, code: string): Promise<InstitutionEntity | null> {
  return manager.getRepository(InstitutionEntity).findOneBy({ code });
}

/** Inserts or updates an institution row and returns it as stored. */
export function saveInstitution(
  manager: EntityManager,
  institution: InstitutionEntity,
): Promise<InstitutionEntity> {
  return manager.getRepository(InstitutionEntity).save(institution);
}
