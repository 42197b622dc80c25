export const env = { graphqlPath: '/graphql', idleMinutes: 15 };
