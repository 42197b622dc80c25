import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../platform';
import type { Role } from './actor';
import type { AuthenticatedUser } from './current-user';
import { dummyHash, verifyPassword } from './passwords';
import { LoginThrottle } from './login-throttle';
import { TOKEN_SERVICE, TokenService } from './tokens';
import { UsersRepository } from './users.repository';

@Injectable()
export class AuthService {
  private readonly missingUserHash = dummyHash();

  constructor(
    private readonly users: UsersRepository,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
  ) {}

  async login(email: string, password: string, clientAddress?: string) {
    await this.throttle.check(email, clientAddress);
    const user = await this.users.findByEmail(email);
    const valid = await verifyPassword(user?.password_hash ?? (await this.missingUserHash), password);
    if (!user || !valid || user.disabled) {
      await this.throttle.failed(email, clientAddress);
      throw new AppError('UNAUTHENTICATED', 'Email or password is wrong');
    }
    await this.throttle.succeeded(email);
    const { token, expiresAt } = await this.tokens.issue({ sub: user.id, role: user.role, sv: user.session_version });
    return {
      token,
      expiresAt,
      user: { id: user.id, email: user.email, displayName: user.display_name, role: user.role },
    };
  }

  /**
   * The user behind a bearer token; disabled or deleted accounts lose access at once. 'expired'
   * when the token was ours but its time is up or its session was ended, so the client can be told
   * to sign in again.
   */
  async authenticate(authorization: string | undefined): Promise<AuthenticatedUser | 'expired' | undefined> {
    const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) {
      return undefined;
    }
    const claims = await this.tokens.verify(token);
    if (claims === undefined || claims === 'expired') {
      return claims;
    }
    const user = await this.users.findById(claims.sub);
    if (!user || user.disabled) {
      return undefined;
    }
    // Signed out, or the account changed since: the session is over (told as expired: sign in again).
    return claims.sv === user.session_version ? { id: user.id, role: user.role satisfies Role } : 'expired';
  }
}
