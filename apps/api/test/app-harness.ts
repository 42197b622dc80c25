import { createScratchDatabase } from '@sot/postgres';
import type { INestApplication } from '@nestjs/common';
import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Logger } from 'pino';
import WebSocket from 'ws';
import { createApp } from '../src/app.factory';
import { UsersRepository, createUser } from '../src/auth';
import type { Role } from '../src/auth';
import { EVENT_STORE, loadConfig } from '../src/platform';
import type { EventStore } from '@sot/event-store';

export type GraphQLResponse<T = Record<string, unknown>> = {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; domainCode?: string; field?: string } }[];
};

export type TestUser = { id: string; email: string; password: string; role: Role; token: string };

/** The real api on a database of its own, over real HTTP and WebSocket. */
export type Harness = {
  readonly url: string;
  /** The api's own database, for tests that play a second instance. */
  readonly databaseUrl: string;
  readonly app: INestApplication;
  /** The api's environment: another instance started with it shares the database and the keys. */
  readonly env: Readonly<Record<string, string>>;
  readonly store: EventStore;
  readonly gql: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ) => Promise<GraphQLResponse<T>>;
  readonly user: (role: Role, id?: string) => Promise<TestUser>;
  readonly ws: (token?: string) => Client;
  readonly close: () => Promise<void>;
};

export type HarnessOptions = { readonly env?: Record<string, string>; readonly logger?: Logger };

export const startHarness = async (name: string, options: HarnessOptions = {}): Promise<Harness> => {
  const scratch = await createScratchDatabase(process.env.SOT_TEST_ADMIN_URL!, name);
  const dataDir = await mkdtemp(join(tmpdir(), 'sot-api-'));
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: scratch.url,
    DATA_DIR: dataDir,
    PORT: '0',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    // Shared by every instance a test starts, as a deployment shares it.
    PATIENT_DATA_KEY: Buffer.alloc(32, 'test patient data key').toString('base64'),
    ADMIN_PASSWORD: 'admin-password-for-tests',
    ...options.env,
  };
  const config = loadConfig(env);
  const app = await createApp(config, options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}/graphql`;
  const clients: Client[] = [];
  const users = app.get(UsersRepository);
  let counter = 0;

  const gql: Harness['gql'] = async (query, variables, token) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<never>;
  };

  return {
    url,
    databaseUrl: scratch.url,
    app,
    env,
    store: app.get<EventStore>(EVENT_STORE),
    gql,
    user: async (role, id) => {
      counter += 1;
      const email = `${(id ?? role).toLowerCase().replace(/[^a-z0-9]/g, '')}${counter}@clinic.test`;
      const password = `password-${counter}-long-enough`;
      const created = await createUser(users, {
        ...(id ? { id } : {}),
        email,
        displayName: `${role} ${counter}`,
        role,
        password,
      });
      const login = await gql<{ login: { token: string } }>(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: email, p: password },
      );
      return { id: created.id, email, password, role, token: login.data!.login.token };
    },
    ws: (token) => {
      const client = createClient({
        url: url.replace('http', 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
      });
      clients.push(client);
      return client;
    },
    close: async () => {
      await Promise.all(
        clients.map(async (client) => {
          await client.dispose();
        }),
      );
      await app.close();
      await scratch.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};

/** Collects what a subscription delivers until stopped. */
/**
 * A second api instance on the harness's database and keys, as a deployment runs several: the
 * harness's instance leads every projection, so this one's runners stand by. Close it before the harness.
 */
export const startAnotherInstance = async (harness: Harness): Promise<{ app: INestApplication; url: string }> => {
  const app = await createApp(loadConfig({ ...harness.env, PORT: '0' }), pino({ level: 'silent' }));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}/graphql` };
};

export const subscribe = <T>(client: Client, query: string, variables: Record<string, unknown> = {}) => {
  const received: GraphQLResponse<T>[] = [];
  let failure: unknown;
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => received.push(value as GraphQLResponse<T>),
      error: (error) => {
        failure = error;
      },
      complete: () => undefined,
    },
  );
  return { received, stop, failure: () => failure };
};

export const eventually = async (check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};
