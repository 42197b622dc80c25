import { createApp } from '@sot/api/dist/app.factory';
import { PatientDataVault } from '@sot/api/dist/patient-data';
import { EVENT_STORE, PG_POOL } from '@sot/api/dist/platform';
import type { AppConfig } from '@sot/api/dist/platform';
import { ProjectionsService, READ_MODEL_SCHEMA, rebuildReadModels } from '@sot/api/dist/projections';
import type { EventStore } from '@sot/event-store';
import type { Pool } from 'pg';
import pino from 'pino';
import { RM, insertBaselines } from './append.bench';
import { percentile } from './measure';
import type { Measurement } from './measure';
import type { Figure } from './report';

export const REBUILD_FIGURE = 'rebuild of every read model';
/** The "today": projections caught up at about 1,800 events/s (162,000 events in 88 s). */
const OLD_CATCH_UP = 'catch-up as the issue found it (not run)';
const OLD_CATCH_UP_RATE = 1_800;

/**
 * `npm run projections -- rebuild --all` as the api runs beside it: every event replayed into new
 * tables and swapped in. Per unit: how long each batch took.
 */
export const rebuildFigures = async (
  config: AppConfig,
  seconds: number,
  progress: (line: string) => void,
  /** Whether Rm was measured already in this run; if not, it is measured here, on the same database. */
  rmMeasured: boolean,
): Promise<Figure[]> => {
  const app = await createApp(config, pino({ level: 'silent' }));
  await app.init();
  try {
    const projections = app.get(ProjectionsService);
    while ((await projections.status(1)).some((status) => !status.caughtUp)) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const rm = rmMeasured
      ? undefined
      : (progress('baseline: 100-row INSERTs, 8 connections'), await insertBaselines(app.get<Pool>(PG_POOL), seconds))
          .multi;
    progress('rebuild of every read model, the api running beside it');
    const batches: number[] = [];
    let last = performance.now();
    let reported = 0;
    const result = await rebuildReadModels({
      store: app.get<EventStore>(EVENT_STORE),
      vault: app.get(PatientDataVault),
      pool: app.get<Pool>(PG_POOL),
      logger: pino({ level: 'silent' }),
      liveSchema: READ_MODEL_SCHEMA,
      batchSize: config.PROJECTION_BATCH_SIZE,
      progress: (done, total) => {
        const now = performance.now();
        batches.push(now - last);
        last = now;
        if (done - reported >= total / 10) {
          reported = done;
          progress(`rebuild: ${done.toLocaleString('en')} of about ${total.toLocaleString('en')} events`);
        }
      },
    });
    batches.sort((a, b) => a - b);
    const measured: Measurement = {
      units: result.events,
      seconds: result.seconds,
      perSecond: result.events / result.seconds,
      p50Ms: percentile(batches, 50),
      p99Ms: percentile(batches, 99),
    };
    const old: Measurement = { units: 0, seconds: 0, perSecond: OLD_CATCH_UP_RATE, p50Ms: 0, p99Ms: 0 };
    return [
      ...(rm ? [{ name: RM, unit: 'rows/s', measured: rm }] : []),
      { name: REBUILD_FIGURE, unit: 'events/s', measured, baseline: RM, target: 0.25 },
      { name: OLD_CATCH_UP, unit: 'events/s', measured: old },
      { name: `${REBUILD_FIGURE}, against it`, unit: 'events/s', measured, baseline: OLD_CATCH_UP, target: 10 },
    ];
  } finally {
    await app.close();
  }
};
