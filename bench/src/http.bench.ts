import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createApp } from '@sot/api/dist/app.factory';
import { UsersRepository, createUser } from '@sot/api/dist/auth';
import { loadConfig } from '@sot/api/dist/platform';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { benchApiEnv } from './api-env';
import { measure } from './measure';
import type { Figure } from './report';

/** Concurrent clients, each with its own keep-alive connection, as a busy clinic's dashboards. */
const CLIENTS = 32;
const BODY = JSON.stringify({ query: '{ me { id } }' });

const post = (url: string, token?: string) => async () => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: BODY,
  });
  const answer = (await response.json()) as { errors?: unknown[] };
  if (!response.ok || answer.errors) {
    throw new Error(`${url} answered ${response.status}: ${JSON.stringify(answer).slice(0, 200)}`);
  }
  return 1;
};

const listening = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)),
  );

/** Baselines: bare node:http answering the same JSON, and a standalone Apollo Server with one field. */
const baselines = async (seconds: number) => {
  const bare = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.end('{"data":{"me":{"id":"bench"}}}');
    });
  });
  const bareUrl = await listening(bare);
  const apollo = new ApolloServer({
    typeDefs: 'type User { id: ID! } type Query { me: User }',
    resolvers: { Query: { me: () => ({ id: 'bench' }) } },
  });
  const { url: apolloUrl } = await startStandaloneServer(apollo, { listen: { port: 0, host: '127.0.0.1' } });
  try {
    return {
      http: await measure(CLIENTS, seconds, post(bareUrl)),
      apollo: await measure(CLIENTS, seconds, post(apolloUrl)),
    };
  } finally {
    await apollo.stop();
    await new Promise((resolve) => bare.close(resolve));
  }
};

const OPEN_CASE = `mutation($input: OpenCaseInput!) { openCase(input: $input) { case { id } } }`;
const ADD_NOTE = `mutation($input: AddNoteInput!) { addNote(input: $input) { version caughtUp } }`;

const openCaseInput = (caseManagerId: string, worker: number) => ({
  caseManagerId,
  personal: { patientName: `Bench Patient ${worker}`, birthDate: '1961-04-09' },
  condition: { name: 'Invasive ductal carcinoma', severity: 'SERIOUS', isCancer: true },
  originalOpinion: {
    clinician: { name: 'Dr. Alan Greer', specialty: 'Surgical oncology', institution: 'Riverside General' },
    diagnosis: 'Stage II invasive ductal carcinoma',
    recommendedTreatment: 'Mastectomy, then chemotherapy',
  },
});

/**
 * The whole api, as an integration calls it: `me` (HTTP, authentication, guards, GraphQL, the
 * operation log), then `addNote` end to end (the command, its append, and the wait until the read
 * models show it), each client on a case of its own.
 */
const wholeApi = async (databaseUrl: string, dataDir: string, seconds: number, progress: (line: string) => void) => {
  const config = loadConfig(benchApiEnv(databaseUrl, dataDir));
  const app = await createApp(config, pino({ level: 'silent' }));
  await app.listen(0, '127.0.0.1');
  try {
    const { port } = app.getHttpServer().address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/graphql`;
    const password = 'bench-password-long-enough';
    await createUser(app.get(UsersRepository), {
      id: 'bench-manager',
      email: 'bench@clinic.example',
      displayName: 'Bench',
      role: 'CASE_MANAGER',
      password,
    });
    const call = async (token: string | undefined, query: string, variables?: unknown) =>
      (await (
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        })
      ).json()) as {
        data?: Record<string, { token?: string; case?: { id: string }; caughtUp?: boolean }>;
        errors?: unknown[];
      };
    const login = await call(
      undefined,
      `mutation { login(email: "bench@clinic.example", password: "${password}") { token } }`,
    );
    const token = login.data!.login!.token!;
    progress(`the api: { me } with a bearer token, ${CLIENTS} clients`);
    const me = await measure(CLIENTS, seconds, post(url, token));
    progress(`the api: addNote end to end, ${CLIENTS} clients, a case each`);
    const cases: string[] = [];
    for (let worker = 0; worker < CLIENTS; worker += 1) {
      const opened = await call(token, OPEN_CASE, { input: openCaseInput('bench-manager', worker) });
      cases.push(opened.data!.openCase!.case!.id);
    }
    let notCaughtUp = 0;
    const addNote = await measure(CLIENTS, seconds, async (worker, iteration) => {
      const input = { caseId: cases[worker], noteId: `n-${iteration}`, text: 'Called the lab about the slides' };
      const answer = await call(token, ADD_NOTE, { input });
      if (answer.errors) {
        throw new Error(`addNote failed: ${JSON.stringify(answer.errors)}`);
      }
      notCaughtUp += answer.data!.addNote!.caughtUp ? 0 : 1;
      return 1;
    });
    if (notCaughtUp > 0) {
      progress(`addNote: ${notCaughtUp} answers came before the read models caught up`);
    }
    return { me, addNote };
  } finally {
    await app.close();
  }
};

export const ME_FIGURE = '`me` through the whole api';
export const ADD_NOTE_FIGURE = 'addNote end to end, 32 clients';

export const httpFigures = async (
  databaseUrl: string,
  dataDir: string,
  seconds: number,
  progress: (line: string) => void,
): Promise<Figure[]> => {
  progress(`baselines: bare node:http and standalone Apollo, ${CLIENTS} clients`);
  const { http, apollo } = await baselines(seconds);
  const { me, addNote } = await wholeApi(databaseUrl, dataDir, seconds, progress);
  const APOLLO = 'Apollo standalone: one-field query';
  return [
    { name: 'node:http: the same JSON answer', unit: 'req/s', measured: http },
    { name: APOLLO, unit: 'req/s', measured: apollo, baseline: 'node:http: the same JSON answer' },
    { name: ME_FIGURE, unit: 'req/s', measured: me, baseline: APOLLO, target: 0.8 },
    // Against `me` here; main.ts makes it the single append when that is the smaller of the two.
    { name: ADD_NOTE_FIGURE, unit: 'req/s', measured: addNote, baseline: ME_FIGURE, target: 0.5 },
  ];
};
