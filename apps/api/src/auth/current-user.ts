import { SetMetadata, createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { RequestContext } from '../graphql';
import type { Actor, Role } from './actor';

export type AuthenticatedUser = Actor & {
  readonly role: Role;
  /** Where the request came from (the peer address), for the access log. */
  readonly clientAddress?: string;
  /** When the access token this request came with expires: a WebSocket connection is closed then. */
  readonly tokenExpiresAt?: Date;
};

export type GraphQLContext = RequestContext & { readonly user?: AuthenticatedUser };

export const IS_PUBLIC = 'sot:isPublic';
/** The few operations a stranger may call (login). Everything else requires a token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

export const graphQLContext = (context: ExecutionContext): GraphQLContext =>
  GqlExecutionContext.create(context).getContext();

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = graphQLContext(context).user;
  if (!user) {
    throw new Error('CurrentUser used on a public operation');
  }
  return user;
});
