export { ROLES, SYSTEM_ACTOR } from './actor';
export type { Actor, Role } from './actor';
export { AuthModule } from './auth.module';
export { AuthService } from './auth.service';
export { LiveSessions, SESSION_OVER_CLOSE_CODE } from './live-sessions';
export { NewUserRefused, createUser } from './create-user';
export { CurrentUser, Public } from './current-user';
export type { AuthenticatedUser, GraphQLContext } from './current-user';
export { UsersRepository } from './users.repository';
