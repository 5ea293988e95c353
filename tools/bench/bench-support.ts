// What the benchmark needs from the libraries, in one place.
export { type Fen, PocketKind, SystemAccount, pocketAccount, systemAccount } from '@gongji/domain';
export { makeIdNumber } from '@gongji/domain/testing';
export {
  InstitutionEntity,
  KinRelationEntity,
  LedgerWriter,
  PersonEntity,
  PocketEntity,
  UserEntity,
  auditLedger,
  createDataSource,
} from '@gongji/persistence';
