import 'reflect-metadata';
import { startApp, demoBanner } from './bootstrap';
import { ConfigError, describeConfig, loadConfig } from './config';
import { createLogger } from './logger';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`gongji: ${err.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  logger.info(describeConfig(config), 'starting');
  const app = await startApp(config, logger);
  logger.info({ url: app.url }, 'listening');
  if (config.demo) console.log(demoBanner(app.url));

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests');
    const timer = setTimeout(() => {
      logger.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    // The timer also keeps the event loop alive while draining (Apollo's drain waits on unref'd timers).
    app.close().then(
      () => {
        clearTimeout(timer);
        logger.info('stopped');
        logger.flush(() => process.exit(0));
      },
      (err: unknown) => {
        logger.error({ err }, 'error while stopping');
        logger.flush(() => process.exit(1));
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error('gongji: failed to start', err);
  process.exit(1);
});
