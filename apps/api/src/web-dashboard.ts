import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';

const API_PATHS = /^\/(graphql|health)(\/|$)/;
/** A file name (`x.js`, `favicon.ico`): missing files stay 404s, not the page. */
const FILE = /\.[A-Za-z0-9]+$/;

/**
 * The built dashboard (apps/web/dist) on the api's own port: its files, and index.html for every
 * page path the browser asks for (the dashboard routes on the client). GraphQL and health stay
 * the api's. Without a build the api runs alone and says how to get the dashboard.
 */
export const dashboardBuilt = (dir: string): boolean => existsSync(join(dir, 'index.html'));

export const serveDashboard = (app: NestExpressApplication, dir: string, logger: Logger): boolean => {
  const index = join(dir, 'index.html');
  if (!dashboardBuilt(dir)) {
    logger.warn({ dir }, 'no dashboard build found: run `npm run build` to serve the dashboard on /');
    return false;
  }
  app.useStaticAssets(dir, { index: false, immutable: true, maxAge: '365d', fallthrough: true });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const page =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !API_PATHS.test(request.path) &&
      !FILE.test(request.path) &&
      request.accepts('html') === 'html';
    if (!page) {
      next();
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  return true;
};
