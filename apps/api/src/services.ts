import { AccessQueries, LedgerWriter, PersonReadQueries, TransactionReadQueries } from '@gongji/persistence';
import type { Logger } from 'pino';
import type { DataSource } from '@gongji/persistence';
import { Authenticator } from './auth/authenticate';
import type { AppConfig } from './config';
import type { RateLimiter } from './limits/rate-limit';
import { ApiClientService } from './modules/api-client/api-client.service';
import { AttestationService } from './modules/attestation/attestation.service';
import { AuditService } from './modules/audit/audit.service';
import { NotificationService } from './modules/notification/notification.service';
import { OutboxCipher } from './modules/notification/outbox-cipher';
import { smsSenderFor } from './modules/notification/sms-sender';
import { PersonService } from './modules/person/person.service';
import { PolicyService } from './modules/policy/policy.service';
import { RegionService } from './modules/region/region.service';
import { RolloutService } from './modules/rollout/rollout.service';
import { SessionService } from './modules/session/session.service';
import { TransactionService } from './modules/transaction/transaction.service';
import { createLogger } from './logger';

/** Application services, created once per process. */
export interface Services {
  readonly authenticator: Authenticator;
  readonly apiClients: ApiClientService;
  /** Relationship evidence checked at the counter (R-WAL-4). */
  readonly attestations: AttestationService;
  readonly audit: AuditService;
  /** Writes every money mutation exactly once (libs/persistence ledger-writer). */
  readonly ledger: LedgerWriter;
  /** SMS outbox and its dispatcher (R-ACC-7: initial and reset payment passwords). */
  readonly notifications: NotificationService;
  readonly persons: PersonService;
  readonly policy: PolicyService;
  readonly regions: RegionService;
  readonly rollout: RolloutService;
  readonly sessions: SessionService;
  readonly transactions: TransactionService;
}

export interface ServiceOptions {
  readonly logger?: Logger;
  /** Called with the kind of each committed ledger transaction (metrics). */
  readonly onLedgerCommitted?: (kind: string) => void;
}

export function createServices(
  dataSource: DataSource,
  config: AppConfig,
  /** Budgets shared by every API process when REDIS_URL is set (requests, failed sign-ins, analysts' look-ups). */
  limiter: RateLimiter,
  options: ServiceOptions = {},
): Services {
  const audit = new AuditService();
  const regions = new RegionService(dataSource, audit);
  const authenticator = new Authenticator(dataSource, config.secret, options.logger);
  return {
    authenticator,
    apiClients: new ApiClientService(dataSource, audit, authenticator),
    attestations: new AttestationService(dataSource, audit),
    audit,
    ledger: new LedgerWriter(dataSource, options.onLedgerCommitted),
    notifications: new NotificationService(dataSource, smsSenderFor(config), {
      cipher: new OutboxCipher(config.secret),
      ttlHours: config.sms.ttlHours,
      logger: (options.logger ?? createLogger(config.logLevel)).child({ component: 'sms-outbox' }),
    }),
    persons: new PersonService(new PersonReadQueries(dataSource), new AccessQueries(dataSource), limiter),
    policy: new PolicyService(dataSource),
    regions,
    rollout: new RolloutService(dataSource, regions),
    sessions: new SessionService(dataSource, config, limiter),
    transactions: new TransactionService(new TransactionReadQueries(dataSource)),
  };
}
