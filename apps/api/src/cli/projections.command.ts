import { Module } from '@nestjs/common';
import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CASE_STREAM_PREFIX } from '@sot/domain';
import type { EventStore, Position } from '@sot/event-store';
import type { Pool } from 'pg';
import pino from 'pino';
import { parseArgs } from 'node:util';
import { PatientDataModule, PatientDataVault } from '../patient-data';
import { EVENT_STORE, PG_POOL, PlatformModule, createKysely, loadConfig } from '../platform';
import type { AppConfig } from '../platform';
import { READ_MODEL_SCHEMA, REBUILDABLE, readCheckpoints, rebuildReadModels } from '../projections';
import type { ReadModelTables } from '../projections';
import { progressBar } from './progress-bar';

/** Where the command writes; `terminal`: its progress goes to a terminal (a redrawn bar) rather than a log. */
type Io = {
  readonly out: (line: string) => void;
  readonly progress: (text: string) => void;
  readonly terminal?: boolean;
};

const USAGE = `Usage: npm run projections -- status
       npm run projections -- rebuild <name>|--all [--keep-replaced]

  status    each projection's position, how many events it trails the store by, and its rate now
  rebuild   replays every event into new tables beside the live ones (progress and ETA), then swaps
            them in at once: one projection's (${REBUILDABLE.join(', ')}) or all of them; the api
            keeps answering queries from the live ones meanwhile`;

/** The read models' projections, and the saga (status only: it keeps no tables). */
const PROJECTIONS = [...REBUILDABLE, 'conflict-saga'];
const LAG_COUNTED_UP_TO = 1_000_000;

/** The database, the store and the keys: what a rebuild needs, without the api's own projections running. */
@Module({})
class ProjectionsCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    const logger = pino({ level: config.LOG_LEVEL });
    return {
      module: ProjectionsCliModule,
      imports: [PlatformModule.forRoot({ config, logger, readModelSchema: READ_MODEL_SCHEMA }), PatientDataModule],
    };
  }
}

const eventsAfter = async (store: EventStore, after: Position | undefined, upTo?: Position): Promise<number> => {
  let count = 0;
  for await (const recorded of store.readAll({
    ...(after ? { after } : {}),
    maxCount: LAG_COUNTED_UP_TO,
    filter: { streamPrefix: CASE_STREAM_PREFIX },
  })) {
    if (upTo && recorded.position.commit > upTo.commit) {
      break;
    }
    count += 1;
  }
  return count;
};

const status = async (app: INestApplicationContext, io: Io): Promise<number> => {
  const store = app.get<EventStore>(EVENT_STORE);
  const db = createKysely<ReadModelTables>(app.get<Pool>(PG_POOL)).withSchema(READ_MODEL_SCHEMA);
  const first = await readCheckpoints(db, PROJECTIONS);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const second = await readCheckpoints(db, PROJECTIONS);
  io.out(`Read models in schema ${READ_MODEL_SCHEMA}:`);
  for (const name of PROJECTIONS) {
    const at = second.get(name);
    const lag = await eventsAfter(store, at);
    const moved = at && first.get(name) !== at ? await eventsAfter(store, first.get(name), at) : 0;
    io.out(
      `  ${name.padEnd(16)} ${at ? `at ${at.commit}/${at.prepare}` : 'not started'.padEnd(20)}  ` +
        `behind by ${lag >= LAG_COUNTED_UP_TO ? `${LAG_COUNTED_UP_TO}+` : lag} events  ${Math.round(moved / 2)} events/s`,
    );
  }
  return 0;
};

/**
 * `npm run projections -- status | rebuild <name>|--all`. Exit code 0 when done, 2 for a wrong
 * command line; throws when it cannot be done (another rebuild running: RebuildRunningError).
 */
export const projectionsCommand = async (
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: Io,
  signal?: AbortSignal,
): Promise<number> => {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { all: { type: 'boolean' }, 'keep-replaced': { type: 'boolean' }, help: { type: 'boolean' } },
  });
  const [action, name, ...rest] = positionals;
  /** Why the command line cannot be run (a line before the usage), or undefined if it can. */
  const refusal = (): string | undefined => {
    if (action === 'status' && name === undefined) {
      return undefined;
    }
    if (action !== 'rebuild') {
      return '';
    }
    if (rest.length > 0 || (name === undefined) === (values.all !== true)) {
      return 'Name one projection, or --all.\n\n';
    }
    if (name === undefined || REBUILDABLE.includes(name)) {
      return undefined;
    }
    return name === 'conflict-saga'
      ? 'conflict-saga keeps no tables: its effects are events, already in the store.\n\n'
      : `No projection "${name}": ${REBUILDABLE.join(', ')} (or --all).\n\n`;
  };
  const refused = values.help ? '' : refusal();
  if (refused !== undefined) {
    io.out(`${refused}${USAGE}`);
    return values.help ? 0 : 2;
  }
  const config = loadConfig({ LOG_LEVEL: 'error', ...env });
  const app = await NestFactory.createApplicationContext(ProjectionsCliModule.forRoot(config), { logger: false });
  try {
    if (action === 'status') {
      return await status(app, io);
    }
    const bar = progressBar('events', io.progress, io.terminal === true);
    const result = await rebuildReadModels({
      ...(name === undefined ? {} : { projection: name }),
      ...(signal ? { signal } : {}),
      store: app.get<EventStore>(EVENT_STORE),
      vault: app.get(PatientDataVault),
      pool: app.get<Pool>(PG_POOL),
      logger: pino({ level: config.LOG_LEVEL }),
      liveSchema: READ_MODEL_SCHEMA,
      batchSize: config.PROJECTION_BATCH_SIZE,
      progress: bar,
      keepReplaced: values['keep-replaced'] === true,
    });
    io.out(
      `\nRebuilt ${name ?? 'the read models'} from ${result.events} events in ${result.seconds.toFixed(1)} s ` +
        `(${Math.round(result.events / Math.max(result.seconds, 0.001))} events/s) and swapped in` +
        (values['keep-replaced'] ? `; the replaced tables are in schema ${result.replacedBy}` : ''),
    );
    return 0;
  } finally {
    await app.close();
  }
};
