import { SessionsEnded1796223937702 } from './1796223937702-SessionsEnded';
import { NotificationOutboxStatus1796183604825 } from './1796183604825-NotificationOutboxStatus';
import { PageOrderIndexes1796153156628 } from './1796153156628-PageOrderIndexes';
import { ReferenceDataVersions1796134847648 } from './1796134847648-ReferenceDataVersions';
import { RelationshipAttestations1796134806212 } from './1796134806212-RelationshipAttestations';
import { AnalyticsColumns1796133664498 } from './1796133664498-AnalyticsColumns';
import { GatewayAccess1796133520227 } from './1796133520227-GatewayAccess';
import { Initial1795418254372 } from './1795418254372-Initial';
import { PartitionedPostings1796142119801 } from './1796142119801-PartitionedPostings';
import { PocketsFillfactor1796143000000 } from './1796143000000-PocketsFillfactor';
import type { MigrationInterface } from 'typeorm';

/** PostgreSQL migrations in order (classes, not globs, so they survive bundling). */
export const POSTGRES_MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795418254372,
  GatewayAccess1796133520227,
  AnalyticsColumns1796133664498,
  RelationshipAttestations1796134806212,
  ReferenceDataVersions1796134847648,
  PartitionedPostings1796142119801,
  PocketsFillfactor1796143000000,
  PageOrderIndexes1796153156628,
  NotificationOutboxStatus1796183604825,
  SessionsEnded1796223937702,
];
