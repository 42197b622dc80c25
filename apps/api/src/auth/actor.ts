export const ROLES = ['CASE_MANAGER', 'SUPERVISOR', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: the authenticated user, or the system itself (sagas). */
export type Actor = { readonly id: string; readonly role: Role | 'SYSTEM' };

export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'SYSTEM' };
