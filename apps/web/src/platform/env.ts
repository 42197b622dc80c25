/** The one module that reads the build's environment (jest maps it to a fixed test value). */
export const env = {
  /** Where GraphQL is served; the dashboard is served by the api on the same origin. */
  graphqlPath: (import.meta.env.VITE_GRAPHQL_PATH as string | undefined) ?? '/graphql',
  /** Minutes without a key press or a click before the dashboard signs out on its own. */
  idleMinutes: Number(import.meta.env.VITE_IDLE_MINUTES ?? 15),
};
