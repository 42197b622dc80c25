import { Inject, Module } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import { APP_CONFIG, LOGGER, PG_POOL } from '../platform';
import type { AppConfig } from '../platform';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { BearerAuthentication } from './bearer-authentication';
import { OIDC_VERIFIER, OidcVerifier } from './oidc';
import { LoginThrottle } from './login-throttle';
import { ensureFirstAdmin, jwtSecret } from './bootstrap-admin';
import { TOKEN_SERVICE, TokenService } from './tokens';
import { CachedUsers } from './cached-users';
import { LiveSessions } from './live-sessions';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { UsersRepository } from './users.repository';
import { UsersResolver } from './users.resolver';

@Module({
  providers: [
    UsersRepository,
    RefreshTokensRepository,
    LiveSessions,
    CachedUsers,
    AuthService,
    BearerAuthentication,
    {
      provide: OIDC_VERIFIER,
      useFactory: (config: AppConfig) =>
        config.OIDC_ISSUER && config.OIDC_JWKS_URL
          ? new OidcVerifier({ ...config, OIDC_ISSUER: config.OIDC_ISSUER, OIDC_JWKS_URL: config.OIDC_JWKS_URL })
          : undefined,
      inject: [APP_CONFIG],
    },
    AuthResolver,
    UsersResolver,
    AccountsService,
    AccountsResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
    {
      provide: LoginThrottle,
      useFactory: (pool: Pool, config: AppConfig) => new LoginThrottle(pool, config),
      inject: [PG_POOL, APP_CONFIG],
    },
    {
      provide: TOKEN_SERVICE,
      useFactory: async (config: AppConfig) => new TokenService(await jwtSecret(config), config.JWT_TTL_SECONDS),
      inject: [APP_CONFIG],
    },
  ],
  exports: [AuthService, BearerAuthentication, UsersRepository, LiveSessions],
})
export class AuthModule implements OnApplicationBootstrap {
  constructor(
    private readonly users: UsersRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureFirstAdmin(this.users, this.config, this.logger);
  }
}
