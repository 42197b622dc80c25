import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { PinoNestLogger } from './platform';
import type { AppConfig } from './platform';
import { READ_MODEL_SCHEMA } from './projections';
import { serveDashboard } from './web-dashboard';

/**
 * Helmet's headers for every answer, with a content security policy the dashboard lives within:
 * its own scripts only, inline styles (Mantine sets them), GraphQL and its WebSocket on this origin.
 */
const securityHeaders = () =>
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    // The api serves plain HTTP on 127.0.0.1 by default; TLS is terminated in front of it (README).
    strictTransportSecurity: false,
  });

export const createApp = async (
  config: AppConfig,
  logger: Logger,
  readModelSchema = READ_MODEL_SCHEMA,
): Promise<NestExpressApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, logger, readModelSchema }), {
    logger: new PinoNestLogger(logger.child({ component: 'nest' })),
    abortOnError: false,
    // JSON alone (below): GraphQL takes nothing else, so no form parser runs on every request.
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: '100kb' });
  // No advertising of the framework to whoever probes the server.
  app.disable('x-powered-by');
  // Answers are never cached (no-store below): hashing each body for an ETag would be wasted work.
  app.set('etag', false);
  app.use(securityHeaders());
  // Answers name patients: no browser or proxy may keep a copy.
  app.use(
    '/graphql',
    (_request: unknown, response: { setHeader: (name: string, value: string) => void }, next: () => void) => {
      response.setHeader('Cache-Control', 'no-store');
      next();
    },
  );
  // Cross-origin pages only by configuration, each origin named: bearer tokens, so no cookies either.
  if (config.CORS_ORIGINS.length > 0) {
    app.enableCors({
      origin: config.CORS_ORIGINS,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'x-correlation-id', 'apollo-require-preflight'],
      credentials: false,
      maxAge: 600,
    });
  }
  serveDashboard(app, config.WEB_DIST_DIR, logger);
  return app;
};
