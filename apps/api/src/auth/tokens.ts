import { SignJWT, errors, jwtVerify } from 'jose';
import type { Role } from './actor';

/** `sv`: the account's session version when the token was issued (see UsersTable.session_version). */
export type TokenClaims = { readonly sub: string; readonly role: Role; readonly sv: number };
export type VerifiedClaims = TokenClaims & { readonly expiresAt: Date };

export const ISSUER = 'second-opinion-tracker';

/** Tokens verified already, kept until they expire: a signature is checked once per token, not per request. */
const VERIFIED_TOKENS_KEPT = 10_000;

export class TokenService {
  private readonly key: Uint8Array;
  private readonly verified = new Map<string, VerifiedClaims>();

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
    const known = this.verified.get(token);
    if (known !== undefined) {
      if (known.expiresAt.getTime() > Date.now()) {
        return known;
      }
      this.verified.delete(token);
      return 'expired';
    }
    const claims = await this.verifySignature(token);
    if (typeof claims === 'object') {
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) {
        // The oldest first: a Map iterates in insertion order.
        this.verified.delete(this.verified.keys().next().value!);
      }
      this.verified.set(token, claims);
    }
    return claims;
  }

  private async verifySignature(token: string): Promise<VerifiedClaims | 'expired' | undefined> {
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
