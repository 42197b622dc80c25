import { Inject, Module } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Logger } from 'pino';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { LOGGER } from '../logging/logger';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { ensureFirstAdmin } from './bootstrap-admin';
import { UsersRepository } from './users.repository';

@Module({
  providers: [UsersRepository, AuthService, AuthResolver, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, UsersRepository],
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
