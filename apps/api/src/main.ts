import { createApp } from './app.factory';
import { ConfigError, createLogger, loadConfig } from './platform';
import { stopGracefully } from './shutdown';
import { dashboardBuilt } from './web-dashboard';

const main = async (): Promise<void> => {
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const app = await createApp(config, logger);
  stopGracefully(app, { graceMs: config.SHUTDOWN_GRACE_MS, logger });
  await app.listen(config.PORT, config.HOST);
  const url = `http://${config.HOST}:${config.PORT}/graphql`;
  logger.info({ url, embeddedDatabase: config.DATABASE_URL === undefined }, 'second opinion tracker api listening');
  const origin = `http://${config.HOST}:${config.PORT}`;
  const dashboard = dashboardBuilt(config.WEB_DIST_DIR) ? `\n  Dashboard: ${origin}/` : '';
  process.stdout.write(`${dashboard}\n  Second Opinion Tracker API: ${url}\n  Health: ${origin}/health/ready\n\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`}\n`,
  );
  process.exit(1);
});
