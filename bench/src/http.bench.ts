import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createApp } from '@sot/api/dist/app.factory';
import { UsersRepository, createUser } from '@sot/api/dist/auth';
import { loadConfig } from '@sot/api/dist/platform';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
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

/** `me` through the whole api: HTTP, authentication (token and account), guards, GraphQL, the operation log. */
const wholeApi = async (databaseUrl: string, dataDir: string, seconds: number) => {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    ADMIN_PASSWORD: 'bench-admin-password',
  });
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
    const login = (await (
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `mutation { login(email: "bench@clinic.example", password: "${password}") { token } }`,
        }),
      })
    ).json()) as { data: { login: { token: string } } };
    return await measure(CLIENTS, seconds, post(url, login.data.login.token));
  } finally {
    await app.close();
  }
};

export const httpFigures = async (
  databaseUrl: string,
  dataDir: string,
  seconds: number,
  progress: (line: string) => void,
): Promise<Figure[]> => {
  progress(`baselines: bare node:http and standalone Apollo, ${CLIENTS} clients`);
  const { http, apollo } = await baselines(seconds);
  progress(`the api: { me } with a bearer token, ${CLIENTS} clients`);
  const me = await wholeApi(databaseUrl, dataDir, seconds);
  const APOLLO = 'Apollo standalone: one-field query';
  return [
    { name: 'node:http: the same JSON answer', unit: 'req/s', measured: http },
    { name: APOLLO, unit: 'req/s', measured: apollo, baseline: 'node:http: the same JSON answer' },
    { name: '`me` through the whole api', unit: 'req/s', measured: me, baseline: APOLLO, target: 0.8 },
  ];
};
