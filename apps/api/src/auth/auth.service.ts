import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, AppError, LOGGER } from '../platform';
import type { AppConfig } from '../platform';
import { dummyHash, verifyPassword } from './passwords';
import { LoginThrottle } from './login-throttle';
import { TOKEN_SERVICE, TokenService } from './tokens';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { UsersRepository } from './users.repository';
import type { UserRow } from './users.repository';

const SESSION_ENDED = 'Your session has ended: sign in again';

@Injectable()
export class AuthService {
  private readonly missingUserHash = dummyHash();

  constructor(
    private readonly users: UsersRepository,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly refreshTokens: RefreshTokensRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async login(email: string, password: string, clientAddress?: string) {
    await this.throttle.check(email, clientAddress);
    const user = await this.users.findByEmail(email);
    const valid = await verifyPassword(user?.password_hash ?? (await this.missingUserHash), password);
    if (!user || !valid || user.disabled) {
      await this.throttle.failed(email, clientAddress);
      throw new AppError('UNAUTHENTICATED', 'Email or password is wrong');
    }
    await this.throttle.succeeded(email);
    await this.refreshTokens.deleteExpired();
    return this.session(user, new Date(Date.now() + this.config.SESSION_TTL_SECONDS * 1000));
  }

  /**
   * A new access token (and the next refresh token) for a refresh token, once: the one given is
   * used up. A used-up token presented again was copied: the whole sign-in it belongs to ends.
   */
  async refresh(refreshToken: string) {
    const taken = await this.refreshTokens.take(refreshToken);
    if (!taken || taken.expiresAt.getTime() <= Date.now()) {
      throw new AppError('UNAUTHENTICATED', SESSION_ENDED, { reason: 'SESSION_ENDED' });
    }
    if (taken.replaced) {
      await this.refreshTokens.endFamily(taken.familyId);
      this.logger.warn({ userId: taken.userId }, 'a refresh token was used twice: its sign-in is ended');
      throw new AppError('UNAUTHENTICATED', SESSION_ENDED, { reason: 'SESSION_ENDED' });
    }
    const user = await this.users.findById(taken.userId);
    if (!user || user.disabled || user.session_version !== taken.sessionVersion) {
      throw new AppError('UNAUTHENTICATED', SESSION_ENDED, { reason: 'SESSION_ENDED' });
    }
    return this.session(user, taken.expiresAt, taken.familyId);
  }

  /** An access token for the user, no longer-lived than the sign-in, and the refresh token that renews it. */
  private async session(user: UserRow, sessionEndsAt: Date, familyId?: string) {
    const ttlSeconds = Math.min(this.config.JWT_TTL_SECONDS, Math.floor((sessionEndsAt.getTime() - Date.now()) / 1000));
    const claims = { sub: user.id, role: user.role, sv: user.session_version };
    const { token, expiresAt } = await this.tokens.issue(claims, new Date(), ttlSeconds);
    const refreshToken = await this.refreshTokens.issue({
      userId: user.id,
      sessionVersion: user.session_version,
      expiresAt: sessionEndsAt,
      ...(familyId ? { familyId } : {}),
    });
    return {
      token,
      expiresAt,
      refreshToken,
      sessionExpiresAt: sessionEndsAt,
      user: { id: user.id, email: user.email, displayName: user.display_name, role: user.role },
    };
  }
}
