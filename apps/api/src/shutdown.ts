import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Logger } from 'pino';

export type ShutdownOptions = { readonly graceMs: number; readonly logger: Logger };

type ShutdownResponse = {
  setHeader: (name: string, value: string) => void;
  status: (code: number) => { json: (body: unknown) => void };
};

/** Counts the HTTP requests being answered, and tells when none is left. */
const inFlight = (server: Server) => {
  let running = 0;
  let idle: (() => void) | undefined;
  server.on('request', (_request, response) => {
    running += 1;
    response.on('close', () => {
      running -= 1;
      if (running === 0) {
        idle?.();
      }
    });
  });
  return {
    drained: (): Promise<void> =>
      running === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            idle = resolve;
          }),
  };
};

const within = (ms: number, work: Promise<void>): Promise<boolean> =>
  Promise.race([
    work.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref()),
  ]);

/**
 * A request that reaches a kept-alive connection while stopping is turned away, retry-safe: it
 * runs nothing, and its connection closes.
 */
const turnAwayWhile =
  (stopping: () => boolean) =>
  (_request: unknown, response: ShutdownResponse, next: () => void): void => {
    if (!stopping()) {
      next();
      return;
    }
    response.setHeader('connection', 'close');
    response.status(503).json({
      errors: [{ message: 'The server is shutting down: send it again', extensions: { code: 'UNAVAILABLE' } }],
    });
  };

/**
 * A graceful stop on SIGTERM or SIGINT, once: stop accepting connections and let the requests
 * being answered finish (bounded by `graceMs`), then end the subscriptions, stop the projections,
 * close the event store and the pool, and only then stop an embedded PostgreSQL. Exits 0 when
 * all of that went through; a second signal does not cut it short.
 */
export const stopGracefully = (app: INestApplication, { graceMs, logger }: ShutdownOptions): void => {
  const server = app.getHttpServer() as Server;
  const requests = inFlight(server);
  let stopping = false;
  app.use(turnAwayWhile(() => stopping));
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal, graceMs }, 'shutting down: draining requests');
    server.close();
    server.closeIdleConnections();
    if (!(await within(graceMs, requests.drained()))) {
      logger.warn({ graceMs }, 'requests still running after the grace period: closing their connections');
    }
    server.closeAllConnections();
    // Subscriptions, projections, event store, pool, embedded PostgreSQL: in that order (see the hooks).
    await app.close();
    logger.info('stopped');
    process.exitCode = 0;
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stop(signal).catch((error: unknown) => {
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'shutdown did not complete');
        process.exitCode = 1;
      });
    });
  }
};
