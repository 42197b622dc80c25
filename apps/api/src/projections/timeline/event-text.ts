import type { CaseEvent, CaseEventData, CaseEventType } from '@sot/domain';

type TextOf = { readonly [T in CaseEventType]?: (data: CaseEventData<T>) => string | undefined };

/**
 * The free text an event carries, as written: a note, the patient's rationale, the expert's
 * summary, a conflict's description... Patient data: it is shown only with the case (its reads are
 * access-logged), and it is kept apart from the summary line, which never names the patient.
 */
const textOf: TextOf = {
  OriginalClinicianInformed: ({ reasonGiven }) => reasonGiven,
  OpinionRequested: ({ question }) => question,
  RecordsSent: ({ trackingReference }) => trackingReference && `Tracking reference: ${trackingReference}`,
  OpinionReceived: ({ personal }) => personal?.summary,
  ConflictRaised: ({ description }) => description,
  DecisionMade: ({ personal }) => personal.rationaleInPatientsWords,
  CaseClosed: ({ comment }) => comment,
  NoteAdded: ({ personal }) => personal.text,
};

export const eventText = (event: CaseEvent): string | undefined => {
  const text = textOf[event.type] as ((data: CaseEvent['data']) => string | undefined) | undefined;
  return text?.(event.data);
};
