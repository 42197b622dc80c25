import { SignJWT, errors, jwtVerify } from 'jose';
import type { Role } from './actor';

/** `sv`: the account's session version when the token was issued (see UsersTable.session_version). */
export type TokenClaims = { readonly sub: string; readonly role: Role; readonly sv: number };
export type VerifiedClaims = TokenClaims & { readonly expiresAt: Date };

export const ISSUER = 'second-opinion-tracker';

export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(
    claims: TokenClaims,
    now = new Date(),
    ttlSeconds = this.ttlSeconds,
  ): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = new Date((issuedAt + Math.min(ttlSeconds, this.ttlSeconds)) * 1000);
    const token = await new SignJWT({ role: claims.role, sv: claims.sv })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** The claims of a valid token; 'expired' for a genuine one past its time; undefined for anything else. */
  async verify(token: string): Promise<VerifiedClaims | 'expired' | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      const role = payload.role;
      if (typeof payload.sub !== 'string' || (role !== 'CASE_MANAGER' && role !== 'SUPERVISOR' && role !== 'AUDITOR')) {
        return undefined;
      }
      // Tokens from before session versions existed count as version 0.
      const sv = typeof payload.sv === 'number' && Number.isInteger(payload.sv) ? payload.sv : 0;
      return { sub: payload.sub, role, sv, expiresAt: new Date((payload.exp ?? 0) * 1000) };
    } catch (error) {
      // jose checks the signature before the time: an expired token is one we issued.
      return error instanceof errors.JWTExpired ? 'expired' : undefined;
    }
  }
}

export const TOKEN_SERVICE = Symbol('TOKEN_SERVICE');
