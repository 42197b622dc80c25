import { createRemoteJWKSet, decodeJwt, errors, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';
import type { AppConfig } from '../platform';
import type { Role } from './actor';

/** Who an identity provider's token says is asking. */
export type OidcIdentity = {
  readonly id: string;
  readonly role: Role;
  readonly email?: string;
  readonly displayName: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
};

/** 'no-role': a genuine token whose roles map to none of ours. */
export type OidcResult = OidcIdentity | 'expired' | 'no-role' | undefined;

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];

const claimAt = (payload: JWTPayload, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
      payload,
    );

/** The issuer a token claims, read without trusting it: which verifier is to check it. */
export const claimedIssuer = (token: string): string | undefined => {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
};

/**
 * Verifies bearer tokens of an OpenID Connect provider against its published keys (JWKS, fetched
 * and cached by jose, refetched when a token names a key not seen yet): signature, issuer,
 * audience and time. Roles come from a configurable claim, mapped to ours.
 */
export class OidcVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    private readonly config: Pick<
      AppConfig,
      'OIDC_AUDIENCE' | 'OIDC_ROLES_CLAIM' | 'OIDC_ROLE_MAP' | 'OIDC_USER_ID_CLAIM'
    > & { readonly OIDC_ISSUER: string; readonly OIDC_JWKS_URL: string },
  ) {
    this.keys = createRemoteJWKSet(new URL(config.OIDC_JWKS_URL), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
  }

  get issuer(): string {
    return this.config.OIDC_ISSUER;
  }

  async verify(token: string): Promise<OidcResult> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.OIDC_ISSUER,
        ...(this.config.OIDC_AUDIENCE ? { audience: this.config.OIDC_AUDIENCE } : {}),
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'iat'],
      }));
    } catch (error) {
      return error instanceof errors.JWTExpired ? 'expired' : undefined;
    }
    const id = claimAt(payload, this.config.OIDC_USER_ID_CLAIM);
    if (typeof id !== 'string' || id.length === 0 || id.length > 200) {
      return undefined;
    }
    const role = this.roleOf(claimAt(payload, this.config.OIDC_ROLES_CLAIM));
    if (role === undefined) {
      return 'no-role';
    }
    const email = typeof payload.email === 'string' ? payload.email : undefined;
    const name = typeof payload.name === 'string' && payload.name.trim() !== '' ? payload.name : (email ?? id);
    return {
      id,
      role,
      ...(email ? { email } : {}),
      displayName: name.slice(0, 200),
      issuedAt: new Date((payload.iat ?? 0) * 1000),
      expiresAt: new Date((payload.exp ?? 0) * 1000),
    };
  }

  /** The first role of OIDC_ROLE_MAP the token carries. */
  private roleOf(claim: unknown): Role | undefined {
    const held = new Set((Array.isArray(claim) ? claim : [claim]).filter((value) => typeof value === 'string'));
    return this.config.OIDC_ROLE_MAP.find(([external]) => held.has(external))?.[1];
  }
}

export const OIDC_VERIFIER = Symbol('OIDC_VERIFIER');
