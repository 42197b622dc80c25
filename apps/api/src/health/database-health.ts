import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { APP_CONFIG, LOGGER, PG_POOL } from '../platform';
import type { AppConfig } from '../platform';

export type DatabaseHealth = {
  readonly ok: boolean;
  readonly error?: string;
  /** Age of the oldest transaction holding back what readers may see (anyone's), in ms. */
  readonly oldestTransactionMs?: number;
};

/**
 * Whether the database answers, and how old its oldest open transaction is: one left open (a
 * forgotten psql session, a stuck client) holds the gap-free read horizon, so projections and
 * every mutation's read-your-writes wait for it. Past the configured age it is logged as a warning.
 */
@Injectable()
export class DatabaseHealthCheck {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async check(): Promise<DatabaseHealth> {
    try {
      const { rows } = await this.pool.query<{ oldest_ms: string | null; pid: number | null }>(
        `SELECT (extract(epoch FROM now() - xact_start) * 1000)::bigint AS oldest_ms, pid
           FROM pg_stat_activity
          WHERE datname = current_database() AND (backend_xid IS NOT NULL OR backend_xmin IS NOT NULL)
            AND pid <> pg_backend_pid()
          ORDER BY xact_start LIMIT 1`,
      );
      const oldestTransactionMs = rows[0]?.oldest_ms ? Number(rows[0].oldest_ms) : 0;
      if (oldestTransactionMs > this.config.OLD_TRANSACTION_WARNING_MS) {
        this.logger.warn(
          { oldestTransactionMs, pid: rows[0]?.pid },
          'an open transaction is holding back projections: end it (pg_terminate_backend) if it is stuck',
        );
      }
      return { ok: true, oldestTransactionMs };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
