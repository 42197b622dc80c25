/** What every GraphQL resolver and plugin may read from the context, whoever filled it in. */
export type RequestContext = {
  readonly user?: { readonly id: string; readonly role: string };
  readonly correlationId: string;
  readonly req?: { headers: Record<string, string | string[] | undefined> };
};
