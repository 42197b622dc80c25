import { Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../platform';
import { IS_PUBLIC, graphQLContext } from './current-user';

/** Every GraphQL operation needs an authenticated user unless marked @Public. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') {
      return true;
    }
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    const request = graphQLContext(context);
    if (isPublic || request.user) {
      return true;
    }
    if (request.authFailure === 'NO_ROLE') {
      throw new AppError(
        'FORBIDDEN',
        'Your identity provider gives you no role in Second Opinion Tracker: ask for one (see OIDC_ROLE_MAP)',
        { reason: 'NO_ROLE' },
      );
    }
    if (request.authFailure === 'TOKEN_EXPIRED') {
      throw new AppError('UNAUTHENTICATED', 'Your session has expired: sign in again', { reason: 'TOKEN_EXPIRED' });
    }
    throw new AppError('UNAUTHENTICATED', 'Sign in first: send Authorization: Bearer <token> (see the login mutation)');
  }
}
