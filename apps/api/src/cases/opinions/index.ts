import { RequestOpinionResolver } from './request-opinion/request-opinion.resolver';
import { RecordInsuranceCoverageResolver } from './record-insurance-coverage/record-insurance-coverage.resolver';
import { RecordOpinionReceivedResolver } from './record-opinion-received/record-opinion-received.resolver';
import { CancelOpinionRequestResolver } from './cancel-opinion-request/cancel-opinion-request.resolver';

/** The mutations of this group, one use case per folder. */
export const opinionsResolvers = [
  RequestOpinionResolver,
  RecordInsuranceCoverageResolver,
  RecordOpinionReceivedResolver,
  CancelOpinionRequestResolver,
];
