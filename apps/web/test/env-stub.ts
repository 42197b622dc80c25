export const env = { graphqlPath: '/graphql' };
