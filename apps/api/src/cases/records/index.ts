import { RequestRecordsResolver } from './request-records/request-records.resolver';
import { MarkRecordsSentResolver } from './mark-records-sent/mark-records-sent.resolver';
import { MarkRecordsReceivedResolver } from './mark-records-received/mark-records-received.resolver';
import { RecordRecordsReleaseRefusedResolver } from './record-records-release-refused/record-records-release-refused.resolver';

/** The mutations of this group, one use case per folder. */
export const recordsResolvers = [
  RequestRecordsResolver,
  MarkRecordsSentResolver,
  MarkRecordsReceivedResolver,
  RecordRecordsReleaseRefusedResolver,
];
