import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { PinoNestLogger } from './platform';
import type { AppConfig } from './platform';
import { READ_MODEL_SCHEMA } from './projections';
import { serveDashboard } from './web-dashboard';

export const createApp = async (
  config: AppConfig,
  logger: Logger,
  readModelSchema = READ_MODEL_SCHEMA,
): Promise<NestExpressApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, logger, readModelSchema }), {
    logger: new PinoNestLogger(logger.child({ component: 'nest' })),
    abortOnError: false,
  });
  // No advertising of the framework to whoever probes the server.
  app.disable('x-powered-by');
  serveDashboard(app, config.WEB_DIST_DIR, logger);
  return app;
};
