// What the chaos test needs from the libraries and the bench, in one place (as tools/bench/bench-support.ts).
export { makeIdNumber } from '@gongji/domain/testing';
export {
  InstitutionEntity,
  UserEntity,
  auditLedger,
  createDataSource,
  type LedgerViolation,
} from '@gongji/persistence';
export { freePort, freshDatabase, startServer } from '../bench/bench-support';
