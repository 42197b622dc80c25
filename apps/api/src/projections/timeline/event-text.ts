import type { CaseEvent, CaseEventData, CaseEventType } from '@sot/domain';

type TextOf = { readonly [T in CaseEventType]?: (data: CaseEventData<T>) => string | undefined };

/**
 * The free text an event carries, as written: a note, the patient's rationale, the expert's
 * summary, a reason, a conflict's description... Patient data: it is shown only with the case (its
 * reads are access-logged), and kept apart from the summary line, which holds no free text.
 */
const textOf: TextOf = {
  CaseManagerAssigned: ({ reason }) => reason,
  DecisionDeadlineSet: ({ source }) => source,
  OriginalClinicianInformed: ({ reasonGiven }) => reasonGiven,
  OpinionRequested: ({ question }) => question,
  RecordsSent: ({ trackingReference }) => trackingReference && `Tracking reference: ${trackingReference}`,
  OpinionReceived: ({ personal }) => personal?.summary,
  RecordsReleaseRefused: ({ reason }) => reason,
  OpinionRequestCancelled: ({ reason }) => reason,
  ConflictRaised: ({ description }) => description,
  ConflictResolved: ({ outcome }) => outcome,
  DecisionMade: ({ personal }) => personal.rationaleInPatientsWords,
  CaseClosed: ({ comment }) => comment,
  CaseReopened: ({ reason }) => reason,
  NoteAdded: ({ personal }) => personal.text,
};

export const eventText = (event: CaseEvent): string | undefined => {
  const text = textOf[event.type] as ((data: CaseEvent['data']) => string | undefined) | undefined;
  return text?.(event.data);
};
