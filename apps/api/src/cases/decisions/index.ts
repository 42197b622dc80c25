import { MakeDecisionResolver } from './make-decision/make-decision.resolver';

/** The mutations of this group, one use case per folder. */
export const decisionsResolvers = [MakeDecisionResolver];
