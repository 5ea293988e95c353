import { SessionsEnded1796223934024 } from './1796223934024-SessionsEnded';
import { NotificationOutboxStatus1796183598830 } from './1796183598830-NotificationOutboxStatus';
import { PageOrderIndexes1796153149856 } from './1796153149856-PageOrderIndexes';
import { ReferenceDataVersions1796134846028 } from './1796134846028-ReferenceDataVersions';
import { RelationshipAttestations1796134805099 } from './1796134805099-RelationshipAttestations';
import { AnalyticsColumns1796133663304 } from './1796133663304-AnalyticsColumns';
import { GatewayAccess1796133519303 } from './1796133519303-GatewayAccess';
import { Initial1795418252993 } from './1795418252993-Initial';
import type { MigrationInterface } from 'typeorm';

/** SQLite migrations in order (classes, not globs, so they survive bundling). */
export const SQLITE_MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795418252993,
  GatewayAccess1796133519303,
  AnalyticsColumns1796133663304,
  RelationshipAttestations1796134805099,
  ReferenceDataVersions1796134846028,
  PageOrderIndexes1796153149856,
  NotificationOutboxStatus1796183598830,
  SessionsEnded1796223934024,
];
