/* eslint-disable no-console -- a command-line tool talks to its terminal */
import { demoDataCommand } from '@sot/api/dist/cli/demo/demo-data.command';
import { loadConfig } from '@sot/api/dist/platform';
import { openDatabase } from '@sot/postgres';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchApiEnv } from './api-env';
import { appendFigures } from './append.bench';
import { caseloadFigures } from './caseload.bench';
import { gapFigures } from './gaps.bench';
import { ADD_NOTE_FIGURE, ME_FIGURE, httpFigures } from './http.bench';
import { rebuildFigures } from './rebuild.bench';
import { save, table } from './report';
import type { Figure } from './report';

/**
 * `npm run bench [-- --quick] [-- --seconds N] [-- --only appends|requests|gaps|rebuild|caseload]`: every
 * figure beside its baseline, measured in the same run on the same database. `--quick` (CI) keeps
 * the harness from rotting; its figures are too short to quote. `--only` runs one group, while
 * working on it. `--demo-data-dir DIR` measures the caseload and the rebuild at scale instead, on a
 * folder of demo data (`--only caseload|rebuild` there).
 */
const SINGLE_APPEND = 'append 1 event, 8 writers';

/** addNote is held against the smaller of `me` and a single append (each bounds it), when both ran. */
const againstTheSlower = (figures: Figure[]): Figure[] => {
  const rate = (name: string) => figures.find((figure) => figure.name === name)?.measured.perSecond;
  const me = rate(ME_FIGURE);
  const append = rate(SINGLE_APPEND);
  const slower = me !== undefined && append !== undefined && append < me ? SINGLE_APPEND : ME_FIGURE;
  return figures.map((figure) => (figure.name === ADD_NOTE_FIGURE ? { ...figure, baseline: slower } : figure));
};

/** Bulk demo cases on the bench's own database, then a rebuild of every read model from them. */
const rebuildOfDemoData = async (
  databaseUrl: string,
  dataDir: string,
  cases: number,
  seconds: number,
  progress: (line: string) => void,
  rmMeasured: boolean,
): Promise<Figure[]> => {
  const env = benchApiEnv(databaseUrl, dataDir);
  progress(`rebuild: ${cases} bulk demo cases first`);
  if ((await demoDataCommand(['--cases', String(cases), '--bulk'], env)) !== 0) {
    throw new Error('the demo data for the rebuild could not be written');
  }
  return rebuildFigures(loadConfig(env), seconds, progress, rmMeasured);
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      seconds: { type: 'string' },
      only: { type: 'string' },
      'demo-data-dir': { type: 'string' },
    },
  });
  const runs = (group: 'appends' | 'requests' | 'gaps' | 'rebuild' | 'caseload') =>
    values.only === undefined || values.only === group;
  const seconds = values.seconds ? Number(values.seconds) : values.quick ? 1 : 10;
  const progress = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
  const demoDataDir = values['demo-data-dir'];
  if (demoDataDir !== undefined) {
    // The caseload at scale runs on its own: on a folder of demo data, not a fresh database.
    const {
      figures: caseload,
      plan,
      cases,
    } = runs('caseload')
      ? await caseloadFigures(demoDataDir, seconds, progress)
      : { figures: [], plan: undefined, cases: undefined };
    const config = loadConfig({ DATA_DIR: demoDataDir, PORT: '0', LOG_LEVEL: 'silent', EMBEDDED_POSTGRES_PORT: '0' });
    const figures = [...caseload, ...(runs('rebuild') ? await rebuildFigures(config, seconds, progress, false) : [])];
    console.log(table(figures));
    if (plan !== undefined) {
      console.log(`\nThe first caseload page of a supervisor, ${cases} cases:\n${plan}`);
    }
    progress(`written to ${await save(join(__dirname, '..', 'results'), figures, { seconds, cases, plan })}`);
    return;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'sot-bench-'));
  await chmod(dataDir, 0o755); // as root, the embedded server runs as the postgres user, who must enter it
  progress(`embedded PostgreSQL in ${dataDir}, ${seconds} s per figure`);
  const database = await openDatabase({ dataDir: join(dataDir, 'postgres'), port: 0, pool: { max: 20 } });
  try {
    const { rows } = await database.pool.query<{ server_version: string; fsync: string; synchronous_commit: string }>(
      `SELECT current_setting('server_version') AS server_version, current_setting('fsync') AS fsync,
              current_setting('synchronous_commit') AS synchronous_commit`,
    );
    const figures = [
      ...(runs('appends') ? await appendFigures(database.pool, database.url, seconds, progress) : []),
      ...(runs('requests') ? await httpFigures(database.url, dataDir, seconds, progress) : []),
      ...(runs('gaps') ? [(await gapFigures(database.pool, values.quick ? 20_000 : 1_000_000, progress)).figure] : []),
      ...(runs('rebuild')
        ? await rebuildOfDemoData(database.url, dataDir, values.quick ? 200 : 5_000, seconds, progress, runs('appends'))
        : []),
    ];
    console.log(table(againstTheSlower(figures)));
    const file = await save(join(__dirname, '..', 'results'), againstTheSlower(figures), {
      seconds,
      quick: values.quick === true,
      postgres: rows[0],
    });
    progress(`written to ${file}`);
  } finally {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
