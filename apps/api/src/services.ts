import type { DataSource } from 'typeorm';
import { Authenticator } from './auth/authenticate';
import type { AppConfig } from './config';
import { ApiClientService } from './modules/api-client/api-client.service';
import { AuditService } from './modules/audit/audit.service';
import { RegionService } from './modules/region/region.service';
import { RolloutService } from './modules/rollout/rollout.service';
import { SessionService } from './modules/session/session.service';

/** Application services, created once per process. */
export interface Services {
  readonly authenticator: Authenticator;
  readonly apiClients: ApiClientService;
  readonly audit: AuditService;
  readonly regions: RegionService;
  readonly rollout: RolloutService;
  readonly sessions: SessionService;
}

export function createServices(dataSource: DataSource, config: AppConfig): Services {
  const audit = new AuditService();
  const regions = new RegionService(dataSource, audit);
  return {
    authenticator: new Authenticator(dataSource, config.secret),
    apiClients: new ApiClientService(dataSource, audit),
    audit,
    regions,
    rollout: new RolloutService(dataSource, regions),
    sessions: new SessionService(dataSource, config),
  };
}
