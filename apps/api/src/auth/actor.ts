import type { Role } from '../database/tables';

/** Who is acting: the authenticated user, or the system itself (sagas). */
export type Actor = { readonly id: string; readonly role: Role | 'SYSTEM' };

export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'SYSTEM' };
