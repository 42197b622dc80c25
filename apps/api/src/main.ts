import { createApp } from './app.factory';
import { ConfigError, createLogger, loadConfig } from './platform';
import { stopGracefully } from './shutdown';

const main = async (): Promise<void> => {
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const app = await createApp(config, logger);
  stopGracefully(app, { graceMs: config.SHUTDOWN_GRACE_MS, logger });
  await app.listen(config.PORT, config.HOST);
  const url = `http://${config.HOST}:${config.PORT}/graphql`;
  logger.info({ url, embeddedDatabase: config.DATABASE_URL === undefined }, 'second opinion tracker api listening');
  process.stdout.write(
    `\n  Second Opinion Tracker API: ${url}\n  Health: http://${config.HOST}:${config.PORT}/health/ready\n\n`,
  );
};

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`}\n`,
  );
  process.exit(1);
});
