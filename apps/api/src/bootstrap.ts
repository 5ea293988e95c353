import 'reflect-metadata';
import {
  type RegionsData,
  createDataSource,
  describeDatabase,
  ensureReferenceData,
  guardPgClientErrors,
} from '@gongji/persistence';
import type { Logger } from 'pino';
import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import type { AppConfig } from './config';
import { DEMO_USERS, ensureDemoData } from './seed/demo';
import { type RunningServer, createServer } from './server';

export interface App {
  readonly server: RunningServer;
  readonly dataSource: DataSource;
  readonly url: string;
  close(): Promise<void>;
}

/** Opens the database (running migrations), loads reference and demo data, and starts listening. */
export async function startApp(
  config: AppConfig,
  logger: Logger,
  options: {
    sqlLogger?: TypeOrmLogger;
    /** Reference data to bring the database to (tests of upgrades use an earlier release's). */
    referenceData?: RegionsData;
  } = {},
): Promise<App> {
  const dataSource = createDataSource({
    url: config.databaseUrl,
    replicaUrls: config.databaseReplicaUrls,
    logger: options.sqlLogger,
    sessionLimits: config.dbSessionLimits,
  });
  await dataSource.initialize();
  // A session the server ends (restart, pg_terminate_backend, the idle-in-transaction limit) never crashes the process.
  guardPgClientErrors(dataSource, (err) =>
    logger.warn({ reason: err.message }, 'database connection ended by the server'),
  );
  logger.info({ database: describeDatabase(config.databaseUrl) }, 'database ready, migrations applied');
  const reference = await ensureReferenceData(dataSource, options.referenceData);
  if (reference.unchanged) {
    logger.debug({ version: reference.version }, 'reference data unchanged');
  } else {
    logger.info(reference, 'reference data upgraded (regions and rollout dates; staff-owned fields kept)');
  }
  if (config.demo && (await ensureDemoData(dataSource, config.paymentPepper))) {
    logger.info('demo population loaded (families in Beijing, Hebei and Shandong; institutions; users)');
  }
  const server = await createServer({ dataSource, config, logger });
  // SMS outbox (R-ACC-7): gateway warning, plain bodies of an earlier release sealed, stale messages expired.
  await server.services.notifications.start(config, logger);
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.httpServer.listen(config.port, config.host, () => resolve());
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  return {
    server,
    dataSource,
    url,
    close: async () => {
      await server.stop();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

export function demoBanner(url: string): string {
  const lines = [
    `Gongji is running: console ${url}/admin/  GraphQL ${url}/graphql  health ${url}/health`,
    'Demo sign-in (demo mode only, never in production):',
    ...DEMO_USERS.map((u) => `  ${u.role.padEnd(8)} ${u.username} / ${u.password}`),
  ];
  return lines.join('\n');
}
