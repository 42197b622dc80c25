export { AccessLogRepository } from './access-log.repository';
export { CaseOwnersRepository } from './case-owners.repository';
export { CaseReadAccess } from './case-read-access';
