export { CaseloadRepository } from './caseload.repository';
export { CaseloadResolver } from './caseload.resolver';
export { CaseloadService } from './caseload.service';
