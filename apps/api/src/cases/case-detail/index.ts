export { CaseDetailsRepository } from './case-details.repository';
export { caseView, warningView } from './case-view';
export { DeadlineStateEnum, deadlineView } from './deadline';
export type { DeadlineState } from './deadline';
export { CaseResolver } from './case.resolver';
export { Case, CaseWarning } from './case.types';
