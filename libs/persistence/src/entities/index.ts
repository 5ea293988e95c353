import {
  ApiClientEntity,
  AuditLogEntity,
  NotificationEntity,
  PersistedOperationEntity,
  ServedPersonEntity,
  UserEntity,
} from './access.entity';
import { HospitalSelectionEntity, InstitutionEntity } from './institution.entity';
import { KinRelationEntity, RelationshipAttestationEntity } from './kin-relation.entity';
import { PersonEntity, PocketEntity } from './person.entity';
import { PolicySettingEntity } from './policy-setting.entity';
import { PublishedFigureEntity, ReferenceDataVersionEntity, RegionEntity } from './region.entity';
import {
  AccountDailySpendEntity,
  AccumulatorEntity,
  ContributionCreditEntity,
  IdempotencyRecordEntity,
  InterestRunEntity,
  PostingEntity,
  TransactionEntity,
} from './transaction.entity';
import { CardEntity, WalletEntity } from './wallet-card.entity';

export * from './column-types';
export * from './region.entity';
export * from './policy-setting.entity';
export * from './person.entity';
export * from './kin-relation.entity';
export * from './institution.entity';
export * from './wallet-card.entity';
export * from './transaction.entity';
export * from './access.entity';

/** Every entity of the schema, for the DataSource (explicit classes survive bundling; no globs). */
export const ENTITIES = [
  RegionEntity,
  PublishedFigureEntity,
  ReferenceDataVersionEntity,
  PolicySettingEntity,
  PersonEntity,
  PocketEntity,
  KinRelationEntity,
  RelationshipAttestationEntity,
  InstitutionEntity,
  HospitalSelectionEntity,
  WalletEntity,
  CardEntity,
  TransactionEntity,
  PostingEntity,
  AccumulatorEntity,
  AccountDailySpendEntity,
  ContributionCreditEntity,
  InterestRunEntity,
  IdempotencyRecordEntity,
  UserEntity,
  ApiClientEntity,
  AuditLogEntity,
  ServedPersonEntity,
  PersistedOperationEntity,
  NotificationEntity,
];
