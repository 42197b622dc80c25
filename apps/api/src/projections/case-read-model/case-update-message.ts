/** The notification channel the case projection announces each committed change on. */
export const CASE_UPDATES_CHANNEL = 'sot_case_updates';

export type CaseUpdateMessage = {
  readonly caseId: string;
  readonly version: number;
  readonly caseManagerId: string | null;
  /** Set when the case changed hands in this update: the manager whose caseload it left. */
  readonly previousCaseManagerId: string | null;
  readonly eventTypes: readonly string[];
};
