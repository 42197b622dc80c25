/** What every GraphQL resolver and plugin may read from the context, whoever filled it in. */
export type RequestContext = {
  readonly user?: { readonly id: string; readonly role: string };
  readonly correlationId: string;
  /** Why a bearer token sent did not authenticate, when the client can act on it. */
  readonly authFailure?: 'TOKEN_EXPIRED' | 'NO_ROLE';
  readonly req?: { headers: Record<string, string | string[] | undefined> };
};
