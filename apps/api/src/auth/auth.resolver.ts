import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AppError } from '../platform';
import { AuthPayload, User } from './auth.types';
import { AuthService } from './auth.service';
import { CurrentUser, Public } from './current-user';
import type { AuthenticatedUser } from './current-user';
import { CachedUsers } from './cached-users';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: CachedUsers,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Exchange email and password for a bearer token. Repeated failures lock the account (and the client address) for a while: RATE_LIMITED with retryAfterSeconds',
  })
  login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context('req') req: { socket?: { remoteAddress?: string } } | undefined,
  ) {
    if (email.length > 320 || password.length > 1024) {
      throw new AppError('BAD_USER_INPUT', 'Email or password is too long');
    }
    return this.auth.login(email, password, req?.socket?.remoteAddress);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'A new access token for a refresh token, which is used up: keep the new refresh token. UNAUTHENTICATED (reason SESSION_ENDED) when the sign-in is over.',
  })
  refreshSession(@Args('refreshToken') refreshToken: string) {
    if (refreshToken.length > 100) {
      throw new AppError('BAD_USER_INPUT', 'That is not a refresh token', { field: 'refreshToken' });
    }
    return this.auth.refresh(refreshToken);
  }

  @Query(() => User, { description: 'Who you are signed in as' })
  async me(@CurrentUser() user: AuthenticatedUser): Promise<User> {
    const row = await this.users.findById(user.id);
    if (!row) {
      throw new AppError('UNAUTHENTICATED', 'Your account no longer exists');
    }
    return { id: row.id, email: row.email, displayName: row.display_name, role: row.role };
  }
}
