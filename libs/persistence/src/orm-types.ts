/**
 * The connection and transaction handles, as types only: `apps/api` passes them from its composition root to the
 * query and command objects here without importing `typeorm` itself (issue #7).
 */
export type { DataSource, EntityManager as Manager } from 'typeorm';
