import type { IndependenceConcern } from './events';
import type { CaseStatus, CaseWarning } from './state';
import { normalise } from './guards';
import { sameInstitutionRule } from './institutions';
import type { Coverage, RecordItem } from './values';

/** Past three further opinions the case is flagged: is the search for truth or for agreement? */
export const FURTHER_OPINIONS_BEFORE_WARNING = 3;

const PREFERRED_CANCER_INSTITUTIONS = new Set(['nci_comprehensive_cancer_center', 'academic_medical_center']);

type Opinion = { readonly diagnosis: string; readonly recommendedTreatment: string };

type RequestFacts = {
  readonly requestId: string;
  readonly status: string;
  readonly reviewMode: string;
  readonly expert: { readonly institution: string; readonly institutionType: string };
  readonly independenceConcerns: readonly IndependenceConcern[];
  readonly coverage?: Pick<Coverage, 'covered' | 'remoteReviewCovered'>;
  readonly records: readonly (Pick<RecordItem, 'itemId' | 'kind' | 'transferMethod' | 'modality' | 'dueBy'> & {
    readonly status: string;
  })[];
  readonly opinion?: Opinion & { readonly changesDiagnosis: boolean; readonly changesTreatment: boolean };
};

/**
 * What the warnings are derived from. The domain's state has these facts, and so does any read
 * model that keeps them under the same names: the rules live here once, for both.
 */
export type WarningFacts = {
  readonly condition: { readonly isCancer: boolean };
  readonly originalOpinion: Opinion & { readonly clinician: { readonly institution: string } };
  readonly clinicianInformedAt?: string;
  readonly deadline?: string;
  readonly requests: readonly RequestFacts[];
};

const activeRequests = (data: WarningFacts): RequestFacts[] =>
  data.requests.filter((request) => request.status !== 'cancelled');

const independenceWarning = (data: WarningFacts, request: RequestFacts): CaseWarning[] => {
  const { requestId, independenceConcerns: concerns } = request;
  if (concerns.length === 0) {
    return [];
  }
  const original = data.originalOpinion.clinician.institution;
  const matchedRules = concerns.map((concern) =>
    concern === 'same_institution_as_original'
      ? (sameInstitutionRule(request.expert.institution, original) ??
        `"${request.expert.institution}" was judged the same institution as "${original}"`)
      : 'marked as a close associate of the original clinician',
  );
  return [{ code: 'EXPERT_NOT_INDEPENDENT', requestId, concerns, matchedRules }];
};

const itemIdsWhere = (request: RequestFacts, keep: (item: RequestFacts['records'][number]) => boolean) =>
  request.records.filter(keep).map((item) => item.itemId);

/** A report of a scan is no substitute for its images: every report needs originals of its modality. */
const reportsWithoutOriginals = (request: RequestFacts): string[] => {
  const originals = request.records.filter((item) => item.kind === 'imaging_original');
  return itemIdsWhere(
    request,
    (report) =>
      report.kind === 'imaging_report' &&
      !originals.some((original) => report.modality === undefined || original.modality === report.modality),
  );
};

const differsWhileUnchanged = (data: WarningFacts, request: RequestFacts): ('diagnosis' | 'treatment')[] => {
  const opinion = request.status === 'received' ? request.opinion : undefined;
  if (opinion === undefined) {
    return [];
  }
  const original = data.originalOpinion;
  return [
    ...(!opinion.changesDiagnosis && normalise(opinion.diagnosis) !== normalise(original.diagnosis)
      ? (['diagnosis'] as const)
      : []),
    ...(!opinion.changesTreatment &&
    normalise(opinion.recommendedTreatment) !== normalise(original.recommendedTreatment)
      ? (['treatment'] as const)
      : []),
  ];
};

/** Outstanding items (requested or sent, not received) whose due date has passed as of `asOf`. */
export const overdueItemIds = (request: Pick<RequestFacts, 'records'>, asOf: string): string[] =>
  request.records
    .filter((item) => (item.status === 'requested' || item.status === 'sent') && item.dueBy !== undefined)
    .filter((item) => Date.parse(item.dueBy!) < Date.parse(asOf))
    .map((item) => item.itemId);

const recordWarnings = (request: RequestFacts, asOf: string): CaseWarning[] => {
  const { requestId } = request;
  const overdue = overdueItemIds(request, asOf);
  const refused = itemIdsWhere(request, (item) => item.status === 'refused');
  const slidesNotDirect = itemIdsWhere(
    request,
    (item) => item.kind === 'pathology_slides' && item.transferMethod !== 'direct_lab_to_institution',
  );
  const reportsOnly = reportsWithoutOriginals(request);
  return [
    ...(refused.length > 0 ? [{ code: 'RECORDS_RELEASE_REFUSED' as const, requestId, itemIds: refused }] : []),
    ...(overdue.length > 0 ? [{ code: 'RECORDS_OVERDUE' as const, requestId, itemIds: overdue }] : []),
    ...(slidesNotDirect.length > 0
      ? [{ code: 'SLIDES_NOT_SENT_DIRECT' as const, requestId, itemIds: slidesNotDirect }]
      : []),
    ...(reportsOnly.length > 0
      ? [{ code: 'IMAGING_REPORT_WITHOUT_ORIGINALS' as const, requestId, itemIds: reportsOnly }]
      : []),
  ];
};

const requestWarnings = (data: WarningFacts, request: RequestFacts, asOf: string): CaseWarning[] => {
  const { requestId } = request;
  const warnings: CaseWarning[] = [...independenceWarning(data, request)];
  if (data.condition.isCancer && !PREFERRED_CANCER_INSTITUTIONS.has(request.expert.institutionType)) {
    warnings.push({ code: 'CANCER_EXPERT_NOT_AT_PREFERRED_CENTRE', requestId });
  }
  warnings.push(...recordWarnings(request, asOf));
  const coverage = request.coverage;
  if (request.reviewMode === 'remote' && (coverage?.remoteReviewCovered === false || coverage?.covered === false)) {
    warnings.push({ code: 'REMOTE_REVIEW_NOT_COVERED', requestId });
  }
  const subjects = differsWhileUnchanged(data, request);
  if (subjects.length > 0) {
    warnings.push({ code: 'OPINION_DIFFERS_BUT_MARKED_UNCHANGED', requestId, subjects });
  }
  return warnings;
};

/** The warnings a case carries as of `asOf`: pure, so the same history always warns the same. */
export const deriveWarnings = (data: WarningFacts, decided: boolean, asOf: string): CaseWarning[] => {
  const active = activeRequests(data);
  const warnings = active.flatMap((request) => requestWarnings(data, request, asOf));
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
