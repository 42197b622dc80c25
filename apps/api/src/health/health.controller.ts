import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { EventStore } from '@sot/event-store';
import type { Response } from 'express';
import { APP_CONFIG, EVENT_STORE } from '../platform';
import type { AppConfig } from '../platform';
import { ProjectionsService } from '../projections';
import { DatabaseHealthCheck } from './database-health';

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
    private readonly database: DatabaseHealthCheck,
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
    const maxLag = this.config.READY_MAX_LAG_EVENTS;
    const [database, eventStore] = await Promise.all([this.database.check(), check(() => this.store.headPosition())]);
    const projections = database.ok && eventStore.ok ? await this.projections.status(maxLag).catch(() => []) : [];
    // Behind a load balancer, an instance whose read models trail would show a partial caseload.
    const caughtUp = projections.length > 0 && projections.every((projection) => projection.lagEvents <= maxLag);
    const ready = database.ok && eventStore.ok && caughtUp;
    response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: ready ? 'ready' : 'unavailable',
      database,
      eventStore: { kind: this.config.EVENT_STORE, ...eventStore },
      projections: { maxLagEvents: maxLag, caughtUp, each: projections },
    };
  }
}
