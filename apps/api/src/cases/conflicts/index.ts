import { ConflictSaga } from './raise-automatically/conflict.saga';
import { RaiseConflictResolver } from './raise-conflict/raise-conflict.resolver';
import { ResolveConflictResolver } from './resolve-conflict/resolve-conflict.resolver';

/** The mutations of this group, one use case per folder. */
export const conflictsResolvers = [RaiseConflictResolver, ResolveConflictResolver];

/** Raises conflicts automatically when a received opinion disagrees. */
export const conflictsProviders = [...conflictsResolvers, ConflictSaga];
