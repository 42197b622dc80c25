export { CaseDetailsRepository } from './case-details.repository';
export { caseView, daysLeft, warningView } from './case-view';
export { CaseResolver } from './case.resolver';
export { Case, CaseWarning } from './case.types';
