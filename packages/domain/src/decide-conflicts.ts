import type { CaseCommandOf } from './commands';
import { fail } from './errors';
import { event } from './events';
import type { CaseEvent } from './events';
import {
  findConflict,
  openConflicts,
  requireDistinct,
  requireNotClosed,
  requireReceivedOpinion,
  requireUndecided,
} from './guards';
import type { CaseState } from './state';

/** A conflict after the decision needs the case reopened: the decision it would question is final. */
export const raiseConflict = ({ data, metadata }: CaseCommandOf<'RaiseConflict'>, state: CaseState): CaseEvent[] => {
  const active = requireUndecided(state);
  if (active.conflicts.some((conflict) => conflict.conflictId === data.conflictId)) {
    fail('CONFLICT_ALREADY_EXISTS', `Conflict ${data.conflictId} was already raised`, 'data.conflictId');
  }
  requireDistinct(data.between, 'data.between');
  data.between.forEach((source, index) => {
    try {
      requireReceivedOpinion(active, source, `data.between[${index}]`);
    } catch {
      fail(
        'CONFLICT_PARTIES_INVALID',
        `A conflict is between opinions that exist: "original" or a request with a received opinion, not ${source}`,
        `data.between[${index}]`,
      );
    }
  });
  return [
    event('ConflictRaised', {
      occurredAt: metadata.now,
      ...data,
      raisedAutomatically: data.raisedAutomatically ?? false,
    }),
  ];
};

export const resolveConflict = (
  { data, metadata }: CaseCommandOf<'ResolveConflict'>,
  state: CaseState,
): CaseEvent[] => {
  const active = requireNotClosed(state);
  const conflict = findConflict(active, data.conflictId);
  if (conflict.resolution !== undefined) {
    fail('CONFLICT_ALREADY_RESOLVED', `Conflict ${data.conflictId} was resolved on ${conflict.resolution.at}`);
  }
  if (data.resolution === 'further_opinion') {
    const requestId =
      data.furtherOpinionRequestId ??
      fail('INVALID_INPUT', 'Name the further opinion that resolved the conflict', 'data.furtherOpinionRequestId');
    requireReceivedOpinion(active, requestId, 'data.furtherOpinionRequestId');
  } else if (data.furtherOpinionRequestId !== undefined) {
    fail(
      'INVALID_INPUT',
      'A further opinion is named only when it resolved the conflict',
      'data.furtherOpinionRequestId',
    );
  }
  return [event('ConflictResolved', { occurredAt: metadata.now, ...data })];
};

/** The decision is the patient's; over an open conflict only when that is acknowledged explicitly. */
export const makeDecision = ({ data, metadata }: CaseCommandOf<'MakeDecision'>, state: CaseState): CaseEvent[] => {
  const open = requireUndecided(state);
  if (data.followsOpinionOf !== undefined) {
    requireReceivedOpinion(open, data.followsOpinionOf, 'data.followsOpinionOf');
  }
  const unresolved = openConflicts(open).map((conflict) => conflict.conflictId);
  if (unresolved.length > 0 && data.acknowledgeOpenConflicts !== true) {
    fail(
      'OPEN_CONFLICTS_NOT_ACKNOWLEDGED',
      `Conflicts ${unresolved.join(', ')} are still open: resolve them, or acknowledge them to decide anyway`,
      'data.acknowledgeOpenConflicts',
    );
  }
  return [
    event('DecisionMade', {
      occurredAt: metadata.now,
      optionChosen: data.optionChosen,
      ...(data.followsOpinionOf ? { followsOpinionOf: data.followsOpinionOf } : {}),
      personal: { rationaleInPatientsWords: data.rationaleInPatientsWords },
      recordedBy: metadata.actorId,
      openConflictsAcknowledged: unresolved,
    }),
  ];
};
