import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Pool } from 'pg';
import { AppError } from '../platform';
import type { AppConfig } from '../platform';

type Limits = Pick<AppConfig, 'LOGIN_MAX_FAILURES' | 'LOGIN_MAX_FAILURES_PER_ADDRESS' | 'LOGIN_LOCKOUT_SECONDS'>;

const limiter = (pool: Pool, keyPrefix: string, points: number, seconds: number) =>
  new RateLimiterPostgres({
    storeClient: pool,
    storeType: 'pool',
    schemaName: 'auth',
    tableName: 'login_throttle',
    tableCreated: true, // by the migrations
    keyPrefix,
    points,
    duration: seconds,
    blockDuration: seconds,
  });

const lockedOut = (waitMs: number, what: string): AppError => {
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new AppError(
    'RATE_LIMITED',
    `Too many failed sign-ins ${what}: try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask a supervisor`,
    { retryAfterSeconds },
  );
};

/**
 * Failed sign-ins, counted per account (whether or not it exists, so a lockout tells nothing about
 * which emails are registered) and per client address. While locked, no password is even checked:
 * the right one does not work either until the lockout ends.
 */
export class LoginThrottle {
  private readonly account: RateLimiterPostgres;
  private readonly address: RateLimiterPostgres;

  constructor(pool: Pool, limits: Limits) {
    this.account = limiter(pool, 'account', limits.LOGIN_MAX_FAILURES, limits.LOGIN_LOCKOUT_SECONDS);
    this.address = limiter(pool, 'address', limits.LOGIN_MAX_FAILURES_PER_ADDRESS, limits.LOGIN_LOCKOUT_SECONDS);
  }

  /** Refuses at once while the account or the address is locked out. */
  async check(email: string, clientAddress: string | undefined): Promise<void> {
    const [account, address] = await Promise.all([
      this.account.get(accountKey(email)),
      clientAddress ? this.address.get(clientAddress) : Promise.resolve(null),
    ]);
    if (account && account.remainingPoints <= 0) {
      throw lockedOut(account.msBeforeNext, 'for this account');
    }
    if (address && address.remainingPoints <= 0) {
      throw lockedOut(address.msBeforeNext, 'from your address');
    }
  }

  async failed(email: string, clientAddress: string | undefined): Promise<void> {
    await Promise.all([
      this.account.consume(accountKey(email)).catch(swallowLimit),
      clientAddress ? this.address.consume(clientAddress).catch(swallowLimit) : undefined,
    ]);
  }

  /** A successful sign-in clears the account's failures (not the address's). */
  async succeeded(email: string): Promise<void> {
    await this.account.delete(accountKey(email));
  }
}

const accountKey = (email: string): string => email.trim().toLowerCase().slice(0, 240);

/** Going over the limit is recorded by `consume` itself; the next `check` refuses. */
const swallowLimit = (error: unknown): void => {
  if (!(error instanceof RateLimiterRes)) {
    throw error;
  }
};
