import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { EventStore } from '@sot/event-store';
import type { Response } from 'express';
import type { Pool } from 'pg';
import { APP_CONFIG, EVENT_STORE, PG_POOL } from '../platform';
import type { AppConfig } from '../platform';
import { ProjectionsService } from '../projections';

const check = async (probe: () => Promise<unknown>): Promise<{ ok: boolean; error?: string }> => {
  try {
    await probe();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
};

/** Liveness: the process answers. Readiness: database, event store and projections are usable. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly projections: ProjectionsService,
  ) {}

  @Get('live')
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response) {
    const [database, eventStore] = await Promise.all([
      check(() => this.pool.query('SELECT 1')),
      check(() => this.store.headPosition()),
    ]);
    const projections = database.ok ? await this.projections.status().catch(() => []) : [];
    const ready = database.ok && eventStore.ok;
    response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: ready ? 'ready' : 'unavailable',
      database,
      eventStore: { kind: this.config.EVENT_STORE, ...eventStore },
      projections,
    };
  }
}
