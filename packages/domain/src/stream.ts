export const CASE_STREAM_PREFIX = 'case-';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isCaseId = (value: string): boolean => UUID.test(value);

/** The one place that knows how a case's stream is named. */
export const caseStreamId = (caseId: string): string => {
  if (!isCaseId(caseId)) {
    throw new TypeError(`A case id is a UUID, got ${JSON.stringify(caseId.slice(0, 40))}`);
  }
  return `${CASE_STREAM_PREFIX}${caseId.toLowerCase()}`;
};

export const caseIdFromStream = (streamId: string): string | undefined => {
  const id = streamId.startsWith(CASE_STREAM_PREFIX) ? streamId.slice(CASE_STREAM_PREFIX.length) : '';
  return isCaseId(id) ? id : undefined;
};
