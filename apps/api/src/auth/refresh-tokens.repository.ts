import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { KYSELY } from '../platform';

export type RefreshTokenRow = {
  readonly familyId: string;
  readonly userId: string;
  readonly sessionVersion: number;
  readonly expiresAt: Date;
  readonly replaced: boolean;
};

/** What a refresh token is stored as: its hash. The token itself is shown once, to its holder. */
const hashOf = (token: string): Buffer => createHash('sha256').update(token).digest();

@Injectable()
export class RefreshTokensRepository {
  constructor(@Inject(KYSELY) private readonly db: Kysely<unknown>) {}

  /** A new token of a family (a new sign-in when `familyId` is not given); answers the token. */
  async issue(row: Omit<RefreshTokenRow, 'replaced' | 'familyId'> & { familyId?: string }): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await sql`
      INSERT INTO auth.refresh_tokens (token_hash, family_id, user_id, session_version, expires_at)
      VALUES (${hashOf(token)}, ${row.familyId ?? randomUUID()}, ${row.userId}, ${row.sessionVersion}, ${row.expiresAt})`.execute(
      this.db,
    );
    return token;
  }

  /**
   * Marks the token replaced and answers it as it was before: a token is exchanged once. Two
   * refreshes racing with the same token: one gets it unreplaced, the other sees it replaced.
   */
  async take(token: string): Promise<RefreshTokenRow | undefined> {
    const { rows } = await sql<{
      family_id: string;
      user_id: string;
      session_version: number;
      expires_at: Date;
      was_replaced: boolean;
    }>`
      UPDATE auth.refresh_tokens AS t SET replaced_at = COALESCE(t.replaced_at, now())
      FROM (SELECT token_hash, replaced_at IS NOT NULL AS was_replaced FROM auth.refresh_tokens
            WHERE token_hash = ${hashOf(token)} FOR UPDATE) AS before
      WHERE t.token_hash = before.token_hash
      RETURNING t.family_id, t.user_id, t.session_version, t.expires_at, before.was_replaced`.execute(this.db);
    const row = rows[0];
    return (
      row && {
        familyId: row.family_id,
        userId: row.user_id,
        sessionVersion: row.session_version,
        expiresAt: row.expires_at,
        replaced: row.was_replaced,
      }
    );
  }

  /** Ends a sign-in: every token of the family stops working. */
  async endFamily(familyId: string): Promise<void> {
    await sql`UPDATE auth.refresh_tokens SET replaced_at = now(), expires_at = LEAST(expires_at, now())
      WHERE family_id = ${familyId}`.execute(this.db);
  }

  /** Tokens past their time are of no use, not even to detect a replay: dropped. */
  async deleteExpired(): Promise<void> {
    await sql`DELETE FROM auth.refresh_tokens WHERE expires_at < now()`.execute(this.db);
  }
}
