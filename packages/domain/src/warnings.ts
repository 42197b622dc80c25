import type { IndependenceConcern } from './events';
import type { CaseStatus, CaseWarning } from './state';
import type { Coverage, RecordItem } from './values';

/** Past three further opinions the case is flagged: is the search for truth or for agreement? */
export const FURTHER_OPINIONS_BEFORE_WARNING = 3;

const PREFERRED_CANCER_INSTITUTIONS = new Set(['nci_comprehensive_cancer_center', 'academic_medical_center']);

type RequestFacts = {
  readonly requestId: string;
  readonly status: string;
  readonly reviewMode: string;
  readonly expert: { readonly institutionType: string };
  readonly independenceConcerns: readonly IndependenceConcern[];
  readonly coverage?: Pick<Coverage, 'remoteReviewCovered'>;
  readonly records: readonly (Pick<RecordItem, 'itemId' | 'kind' | 'transferMethod'> & { readonly status: string })[];
};

/**
 * What the warnings are derived from. The domain's state has these facts, and so does any read
 * model that keeps them under the same names: the rules live here once, for both.
 */
export type WarningFacts = {
  readonly condition: { readonly isCancer: boolean };
  readonly clinicianInformedAt?: string;
  readonly deadline?: string;
  readonly requests: readonly RequestFacts[];
};

const activeRequests = (data: WarningFacts): RequestFacts[] =>
  data.requests.filter((request) => request.status !== 'cancelled');

const requestWarnings = (data: WarningFacts, request: RequestFacts): CaseWarning[] => {
  const warnings: CaseWarning[] = [];
  const { requestId } = request;
  if (request.independenceConcerns.length > 0) {
    warnings.push({ code: 'EXPERT_NOT_INDEPENDENT', requestId, concerns: request.independenceConcerns });
  }
  if (data.condition.isCancer && !PREFERRED_CANCER_INSTITUTIONS.has(request.expert.institutionType)) {
    warnings.push({ code: 'CANCER_EXPERT_NOT_AT_PREFERRED_CENTRE', requestId });
  }
  const refused = request.records.filter((item) => item.status === 'refused').map((item) => item.itemId);
  if (refused.length > 0) {
    warnings.push({ code: 'RECORDS_RELEASE_REFUSED', requestId, itemIds: refused });
  }
  const slidesNotDirect = request.records
    .filter((item) => item.kind === 'pathology_slides' && item.transferMethod !== 'direct_lab_to_institution')
    .map((item) => item.itemId);
  if (slidesNotDirect.length > 0) {
    warnings.push({ code: 'SLIDES_NOT_SENT_DIRECT', requestId, itemIds: slidesNotDirect });
  }
  if (request.reviewMode === 'remote' && request.coverage?.remoteReviewCovered === false) {
    warnings.push({ code: 'REMOTE_REVIEW_NOT_COVERED', requestId });
  }
  return warnings;
};

/** The warnings a case carries as of `asOf`: pure, so the same history always warns the same. */
export const deriveWarnings = (data: WarningFacts, decided: boolean, asOf: string): CaseWarning[] => {
  const active = activeRequests(data);
  const warnings = active.flatMap((request) => requestWarnings(data, request));
  if (active.length > FURTHER_OPINIONS_BEFORE_WARNING) {
    warnings.push({ code: 'MANY_FURTHER_OPINIONS', furtherOpinions: active.length });
  }
  if (active.length > 0 && data.clinicianInformedAt === undefined) {
    warnings.push({ code: 'ORIGINAL_CLINICIAN_NOT_INFORMED' });
  }
  if (!decided && data.deadline !== undefined && Date.parse(asOf) > Date.parse(data.deadline)) {
    warnings.push({ code: 'DEADLINE_PASSED', deadline: data.deadline });
  }
  return warnings;
};

/**
 * Warnings at a given time (the dashboard's "now"); a closed case warns of nothing. Warnings are
 * for people, not for `decide`: the state does not carry them, they are derived when shown.
 */
export const warningsAt = (
  state: { readonly status: 'none' } | (WarningFacts & { readonly status: Exclude<CaseStatus, 'none'> }),
  now: string,
): CaseWarning[] => {
  switch (state.status) {
    case 'none':
    case 'closed':
      return [];
    case 'open':
      return deriveWarnings(state, false, now);
    case 'decided':
      return deriveWarnings(state, true, now);
    default: {
      const unexpected: never = state;
      return unexpected;
    }
  }
};
