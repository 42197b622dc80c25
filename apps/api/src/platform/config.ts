import { resolve } from 'node:path';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** Every setting the api reads, validated once at start-up. Nothing else reads process.env. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(0).max(65_535).default(54_320),
  EVENT_STORE: z.enum(['postgres', 'kurrentdb']).default('postgres'),
  /** KurrentDB / EventStoreDB connection string, for EVENT_STORE=kurrentdb. */
  EVENTSTORE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^(esdb|kurrentdb)(\+discover)?:\/\//, 'EVENTSTORE_URL must start with esdb:// or kurrentdb://')
      .optional(),
  ),
  JWT_SECRET: optionalText.pipe(z.string().min(32, 'JWT_SECRET must have at least 32 characters').optional()),
  /** Lifetime of an access token: short, since it is checked without a database round trip's history. */
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(24 * 3600)
    .default(15 * 60),
  /** How long a sign-in lasts at most: refreshing renews the access token, never past this. */
  SESSION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .max(30 * 24 * 3600)
    .default(12 * 3600),
  /**
   * Base64 of 32 random bytes (`openssl rand -base64 32`): wraps every patient's data key. Losing it
   * loses every patient's data; changing it needs the keys rewrapped. Generated for the embedded default.
   */
  PATIENT_DATA_KEY: optionalText.pipe(
    z
      .string()
      .refine(
        (value) => /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, 'base64').length === 32,
        'PATIENT_DATA_KEY must be 32 bytes in base64 (openssl rand -base64 32)',
      )
      .optional(),
  ),
  /**
   * Sign-in through an identity provider (OpenID Connect): bearer tokens it issues are accepted
   * beside the local ones when OIDC_ISSUER is set. OIDC_JWKS_URL is the `jwks_uri` of its discovery
   * document; OIDC_AUDIENCE the client id the tokens are issued for.
   */
  OIDC_ISSUER: optionalText.pipe(z.url().optional()),
  OIDC_AUDIENCE: optionalText,
  OIDC_JWKS_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** Where the token lists the person's roles: a claim name, or a dotted path (realm_access.roles). */
  OIDC_ROLES_CLAIM: z
    .string()
    .regex(/^[\w-]+(\.[\w-]+)*$/, 'OIDC_ROLES_CLAIM must be a claim name or a dotted path')
    .default('roles'),
  /**
   * The identity provider's role names, each mapped to one of ours: `idp-name=ROLE,...`. A token with
   * several mapped roles gets the first in this list.
   */
  OIDC_ROLE_MAP: z
    .string()
    .default('supervisor=SUPERVISOR,case-manager=CASE_MANAGER,auditor=AUDITOR')
    .transform((value, context) => {
      const pairs = value.split(',').map((pair) => pair.trim().split('='));
      const roles = ['CASE_MANAGER', 'SUPERVISOR', 'AUDITOR'];
      if (pairs.some((pair) => pair.length !== 2 || !pair[0] || !roles.includes(pair[1] ?? ''))) {
        context.addIssue({
          code: 'custom',
          message: 'OIDC_ROLE_MAP must read idp-role=CASE_MANAGER|SUPERVISOR|AUDITOR,...',
        });
        return z.NEVER;
      }
      return pairs as [string, 'CASE_MANAGER' | 'SUPERVISOR' | 'AUDITOR'][];
    }),
  /** The claim that identifies the person: their user id here (case assignments name it). */
  OIDC_USER_ID_CLAIM: z.string().default('sub'),
  /**
   * Other origins whose browser pages may call the api (CORS), exactly as the browser sends them:
   * `https://portal.hospital.example,https://...`. None by default: the dashboard is same-origin.
   */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value, context) => {
      const origins = value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean);
      const bad = origins.find((origin) => {
        try {
          return new URL(origin).origin !== origin;
        } catch {
          return true;
        }
      });
      if (bad !== undefined) {
        context.addIssue({ code: 'custom', message: `CORS_ORIGINS: ${bad} is not an origin like https://host[:port]` });
        return z.NEVER;
      }
      return origins;
    }),
  /** Where the store's head is anchored (appended, one JSON line each): keep it off the database's host. */
  ANCHOR_FILE: optionalText,
  /** How often the store's head is anchored; 0: never (npm run verify then checks no anchor). */
  ANCHOR_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(3_600),
  /** How long an account read for authentication is reused; changes to it end that at once on every instance. 0: never. */
  AUTH_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  ADMIN_EMAIL: optionalText.pipe(z.email().optional()),
  ADMIN_PASSWORD: optionalText.pipe(z.string().min(12, 'ADMIN_PASSWORD must have at least 12 characters').optional()),
  /** Failed sign-ins to one account before it is locked for LOGIN_LOCKOUT_SECONDS. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Failed sign-ins from one client address (any accounts) before it is locked out. */
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(50),
  /** How long failures are counted, and how long a lockout lasts. */
  LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  READ_YOUR_WRITES_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /**
   * A transaction of the api left idle this long is ended by PostgreSQL: an open transaction holds
   * back what projections may read (the gap-free order waits for it), so none may linger.
   */
  IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  /** Any transaction on the database older than this is reported as a warning (it stalls projections). */
  OLD_TRANSACTION_WARNING_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
  /** On SIGTERM or SIGINT, how long in-flight requests may take to finish before their connections are cut. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** /health/ready answers 503 while a projection trails the store by more events than this. */
  READY_MAX_LAG_EVENTS: z.coerce.number().int().min(0).max(100_000).default(100),
  PROJECTION_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  /** A failing projection retries after this delay, doubling up to the maximum. */
  PROJECTION_RETRY_INITIAL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  PROJECTION_RETRY_MAX_MS: z.coerce.number().int().min(10).max(600_000).default(30_000),
  /** The clinic's time zone (IANA name): "due today" and days left are counted in its calendar days. */
  TIME_ZONE: z
    .string()
    .default('UTC')
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'TIME_ZONE must be an IANA time zone such as Europe/Prague or America/New_York'),
  /** The built dashboard, served on `/` (apps/web/dist beside this app by default). */
  WEB_DIST_DIR: z.string().default(resolve(__dirname, '..', '..', '..', 'web', 'dist')),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(3).max(50).default(10),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).max(1_000_000).default(5_000),
  /** Aliases in one operation: a thousand aliases of one list would each run its own queries. */
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(1_000).default(30),
});

export type AppConfig = z.infer<typeof configSchema> & { readonly dataDir: string; readonly anchorFile: string };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment or fails naming each bad variable. */
export const loadConfig = (env: NodeJS.ProcessEnv | Record<string, string | undefined>): AppConfig => {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  if (parsed.data.EVENT_STORE === 'kurrentdb' && parsed.data.EVENTSTORE_URL === undefined) {
    throw new ConfigError('Invalid configuration:\n  EVENTSTORE_URL: required when EVENT_STORE=kurrentdb');
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.JWT_SECRET === undefined) {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required in production');
  }
  const { OIDC_ISSUER, OIDC_AUDIENCE, OIDC_JWKS_URL } = parsed.data;
  if (OIDC_ISSUER !== undefined && (OIDC_AUDIENCE === undefined || OIDC_JWKS_URL === undefined)) {
    throw new ConfigError('Invalid configuration:\n  OIDC_AUDIENCE, OIDC_JWKS_URL: required with OIDC_ISSUER');
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.PATIENT_DATA_KEY === undefined) {
    throw new ConfigError('Invalid configuration:\n  PATIENT_DATA_KEY: required in production');
  }
  const dataDir = resolve(parsed.data.DATA_DIR);
  return { ...parsed.data, dataDir, anchorFile: resolve(parsed.data.ANCHOR_FILE ?? `${dataDir}/store-anchors.jsonl`) };
};

export const APP_CONFIG = Symbol('APP_CONFIG');
