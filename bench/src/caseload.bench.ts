import { createApp } from '@sot/api/dist/app.factory';
import { PG_POOL, loadConfig } from '@sot/api/dist/platform';
import { READ_MODEL_SCHEMA } from '@sot/api/dist/projections';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import pino from 'pino';
import { measure } from './measure';
import type { Figure } from './report';

const CLIENTS = 32;
/** The demo's logins (`npm run demo-data`), whose caseloads are measured. */
const DEMO_PASSWORD = 'demo-password-2026';
const MANAGER = 'ana@demo.clinic';
const SUPERVISOR = 'sam@demo.clinic';

const ME = '{ me { id } }';
const CASELOAD = `{ cases(first: 50, orderBy: URGENCY) { totalCount edges { node {
  id patientName conditionName severity status deadline daysLeft openConflicts outstandingRecords } } } }`;
const SEARCH = `{ cases(first: 50, filter: { search: "son" }) { totalCount edges { node { id patientName } } } }`;
/** What the dashboard asks beside the page, again on every live update: how many cases each saved view holds. */
const COUNTS = '{ caseloadCounts { all overdue dueWithinWeek openConflicts waitingOnRecords waitingOnOpinions } }';

const asking = (url: string, token: string, query: string) => async () => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const answer = (await response.json()) as { errors?: unknown[] };
  if (!response.ok || answer.errors) {
    throw new Error(`answered ${response.status}: ${JSON.stringify(answer).slice(0, 200)}`);
  }
  return 1;
};

/** The plan PostgreSQL chooses for a supervisor's first caseload page (the query the api sends), for BENCHMARKS.md. */
const explainCaseload = async (pool: Pool): Promise<string> => {
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM ${READ_MODEL_SCHEMA}.case_summaries
      ORDER BY urgency_key
      LIMIT 51`,
  );
  return rows.map((row) => row['QUERY PLAN']).join('\n');
};

/**
 * The caseload at scale: the api on a folder of demo data (`DATA_DIR=<dir> npm run demo-data --
 * --cases 100000 --bulk`), `me` as the baseline, then a case manager's and a supervisor's first
 * caseload page (50 rows, URGENCY) and a search page, 32 clients each.
 */
export const caseloadFigures = async (
  dataDir: string,
  seconds: number,
  progress: (line: string) => void,
): Promise<{ figures: Figure[]; plan: string; cases: number }> => {
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', EMBEDDED_POSTGRES_PORT: '0' });
  const app = await createApp(config, pino({ level: 'silent' }));
  await app.listen(0, '127.0.0.1');
  try {
    const origin = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const url = `${origin}/graphql`;
    // A new read-model shape is rebuilt from the events at start-up: measure once it has caught up.
    for (let waited = 0; (await fetch(`${origin}/health/ready`)).status !== 200; waited += 5) {
      if (waited % 30 === 0) {
        progress(`waiting for the read models to catch up with the events (${waited} s)`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    }
    const login = async (email: string) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
          variables: { e: email, p: DEMO_PASSWORD },
        }),
      });
      return ((await response.json()) as { data: { login: { token: string } } }).data.login.token;
    };
    const [manager, supervisor] = [await login(MANAGER), await login(SUPERVISOR)];
    const pool = app.get<Pool>(PG_POOL);
    const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${READ_MODEL_SCHEMA}.case_summaries`);
    const cases = Number(rows[0]?.n ?? 0);
    progress(
      `caseload at ${cases} cases: me, the first caseload page, a search page and the views' counts, ${CLIENTS} clients`,
    );
    const me = await measure(CLIENTS, seconds, asking(url, manager, ME));
    const managerPage = await measure(CLIENTS, seconds, asking(url, manager, CASELOAD));
    const supervisorPage = await measure(CLIENTS, seconds, asking(url, supervisor, CASELOAD));
    const search = await measure(CLIENTS, seconds, asking(url, supervisor, SEARCH));
    const counts = await measure(CLIENTS, seconds, asking(url, supervisor, COUNTS));
    const ME_AT_SCALE = '`me`, same api and data';
    return {
      cases,
      plan: await explainCaseload(pool),
      figures: [
        { name: ME_AT_SCALE, unit: 'req/s', measured: me },
        {
          name: 'caseload page, a case manager',
          unit: 'req/s',
          measured: managerPage,
          baseline: ME_AT_SCALE,
          target: 0.3,
        },
        {
          name: 'caseload page, a supervisor',
          unit: 'req/s',
          measured: supervisorPage,
          baseline: ME_AT_SCALE,
          target: 0.3,
        },
        { name: 'search page, a supervisor', unit: 'req/s', measured: search, baseline: ME_AT_SCALE, target: 0.2 },
        // No target in the issue: shown because the dashboard asks for them on every live update.
        { name: "saved views' counts, a supervisor", unit: 'req/s', measured: counts, baseline: ME_AT_SCALE },
      ],
    };
  } finally {
    await app.close();
  }
};
