import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../platform';
import type { AuthenticatedUser } from './current-user';
import { OIDC_VERIFIER, claimedIssuer } from './oidc';
import type { OidcIdentity, OidcVerifier } from './oidc';
import { ISSUER, TOKEN_SERVICE, TokenService } from './tokens';
import { CachedUsers } from './cached-users';
import { UsersRepository } from './users.repository';

/** Why a bearer token did not authenticate, when the client can act on it. */
export type Authentication = AuthenticatedUser | 'expired' | 'no-role' | undefined;

/** Accounts made on first sign-in through the identity provider have no password here. */
const NO_LOCAL_PASSWORD = '!identity-provider';

/**
 * The user behind a bearer token: one of ours (signed with JWT_SECRET), or, when configured, one
 * of the identity provider's (verified against its JWKS). Either way the account must exist here
 * and be enabled, and its sessions must not have ended since the token was issued: disabling an
 * account or signing out takes effect at once, whoever issued the token.
 */
@Injectable()
export class BearerAuthentication {
  constructor(
    private readonly users: UsersRepository,
    private readonly cached: CachedUsers,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() @Inject(OIDC_VERIFIER) private readonly oidc?: OidcVerifier,
  ) {}

  async authenticate(authorization: string | undefined): Promise<Authentication> {
    const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) {
      return undefined;
    }
    // Without an identity provider every token is to be ours: no need to read whose it claims to be.
    const issuer = this.oidc ? claimedIssuer(token) : ISSUER;
    if (issuer === ISSUER) {
      return this.local(token);
    }
    if (this.oidc && issuer === this.oidc.issuer) {
      const identity = await this.oidc.verify(token);
      return typeof identity === 'object' ? this.provided(identity) : identity;
    }
    return undefined;
  }

  private async local(token: string): Promise<Authentication> {
    const claims = await this.tokens.verify(token);
    if (claims === undefined || claims === 'expired') {
      return claims;
    }
    const user = await this.cached.findById(claims.sub);
    if (!user || user.disabled) {
      return undefined;
    }
    // Signed out, or the account changed since: the session is over (told as expired: sign in again).
    return claims.sv === user.session_version
      ? { id: user.id, role: user.role, tokenExpiresAt: claims.expiresAt }
      : 'expired';
  }

  /** The identity provider vouches for the person and their role; the account here follows it. */
  private async provided(identity: OidcIdentity): Promise<Authentication> {
    let user = await this.cached.findById(identity.id);
    if (!user) {
      await this.users.createIfAbsent({
        id: identity.id,
        email: identity.email ?? `${identity.id}@identity-provider.invalid`,
        display_name: identity.displayName,
        role: identity.role,
        password_hash: NO_LOCAL_PASSWORD,
      });
      user = await this.users.findById(identity.id);
      if (!user) {
        this.logger.warn(
          { userId: identity.id },
          'identity-provider account not created: its email belongs to another account',
        );
        return undefined;
      }
      this.logger.info(
        { userId: user.id, role: user.role },
        'account created on first sign-in through the identity provider',
      );
    } else if (user.role !== identity.role) {
      user = (await this.users.update(user.id, { role: identity.role }, false)) ?? user;
      this.cached.forget(user.id);
    }
    if (user.disabled) {
      return undefined;
    }
    // Second-granular iat: a token from the same second as a sign-out is refused too.
    if (user.sessions_ended_at && identity.issuedAt.getTime() <= user.sessions_ended_at.getTime()) {
      return 'expired';
    }
    return { id: user.id, role: user.role, tokenExpiresAt: identity.expiresAt };
  }
}
