export { AccessLogRepository } from './access-log.repository';
export { AccessLogResolver } from './access-log.resolver';
export { CaseOwnersRepository } from './case-owners.repository';
export { CaseReadAccess } from './case-read-access';
