import type { CommandData } from './commands';
import { normalise } from './guards';
import type { ExistingCase, OpinionRequestState } from './state';
import { ORIGINAL_OPINION, conflictSubjects } from './values';

type Subject = (typeof conflictSubjects)[number];
type Position = { readonly source: string; readonly stance: string };

/** Where an opinion stands on a subject: with the original, or on a recommendation of its own. */
const stanceOf = (request: OpinionRequestState, subject: Subject): string | undefined => {
  const opinion = request.opinion;
  if (request.status !== 'received' || opinion === undefined) {
    return undefined;
  }
  const changes = subject === 'diagnosis' ? opinion.changesDiagnosis : opinion.changesTreatment;
  const own = subject === 'diagnosis' ? opinion.diagnosis : opinion.recommendedTreatment;
  return changes ? `own:${normalise(own)}` : ORIGINAL_OPINION;
};

export const automaticConflictId = (subject: Subject, requestId: string): string => `auto:${subject}:${requestId}`;

/**
 * The conflicts a newly received opinion should raise: one per subject on which it takes a stance
 * no earlier opinion took, between it and every opinion standing elsewhere. An opinion that sides
 * with an existing stance (a third opinion settling a dispute) raises nothing. Ids are derived,
 * so asking twice proposes nothing new.
 */
export const conflictsToRaise = (state: ExistingCase, requestId: string): CommandData<'RaiseConflict'>[] => {
  const received = state.requests.find((request) => request.requestId === requestId);
  if (received === undefined) {
    return [];
  }
  return conflictSubjects.flatMap((subject) => {
    const stance = stanceOf(received, subject);
    const conflictId = automaticConflictId(subject, requestId);
    if (stance === undefined || state.conflicts.some((conflict) => conflict.conflictId === conflictId)) {
      return [];
    }
    const others: Position[] = [
      { source: ORIGINAL_OPINION, stance: ORIGINAL_OPINION },
      ...state.requests
        .filter((request) => request.requestId !== requestId)
        .flatMap((request) => {
          const other = stanceOf(request, subject);
          return other === undefined ? [] : [{ source: request.requestId, stance: other }];
        }),
    ];
    if (others.some((other) => other.stance === stance)) {
      return [];
    }
    return [
      {
        conflictId,
        subject,
        between: [requestId, ...others.slice(0, 9).map((other) => other.source)],
        description: `The opinion of ${received.expert.name} differs on the ${subject} from ${others.length === 1 ? 'the original opinion' : 'the other opinions'}`,
        raisedAutomatically: true,
      },
    ];
  });
};
