import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { PinoNestLogger } from './platform';
import type { AppConfig } from './platform';
import { READ_MODEL_SCHEMA } from './projections';

export const createApp = async (
  config: AppConfig,
  logger: Logger,
  readModelSchema = READ_MODEL_SCHEMA,
): Promise<INestApplication> => {
  const app = await NestFactory.create(AppModule.forRoot({ config, logger, readModelSchema }), {
    logger: new PinoNestLogger(logger.child({ component: 'nest' })),
    abortOnError: false,
  });
  // No advertising of the framework to whoever probes the server.
  (app.getHttpAdapter().getInstance() as { disable: (setting: string) => void }).disable('x-powered-by');
  return app;
};
