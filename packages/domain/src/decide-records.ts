import type { CaseCommandOf } from './commands';
import { fail } from './errors';
import { event } from './events';
import type { CaseEvent } from './events';
import { yearsAfter } from './decide-case';
import { requireActiveRequest, requireDistinct, requireNotClosed } from './guards';
import type { CaseState, OpinionRequestState, RecordItemStatus } from './state';

const requireItemsIn = (
  request: OpinionRequestState,
  itemIds: readonly string[],
  allowed: readonly RecordItemStatus[],
  action: string,
): void => {
  requireDistinct(itemIds, 'data.itemIds');
  itemIds.forEach((itemId, index) => {
    const item = request.records.find((record) => record.itemId === itemId);
    const path = `data.itemIds[${index}]`;
    if (item === undefined) {
      fail('RECORD_ITEM_NOT_FOUND', `No record item ${itemId} was requested for ${request.requestId}`, path);
    } else if (!allowed.includes(item.status)) {
      fail('RECORD_ITEM_WRONG_STATUS', `Record item ${itemId} is ${item.status} and cannot be ${action}`, path);
    }
  });
};

/** A due date a person would give: not years back (a request entered late), not years ahead. */
const requirePlausibleDueDate = (dueBy: string | undefined, now: string, path: string): void => {
  if (dueBy !== undefined && (Date.parse(dueBy) > yearsAfter(now, 2) || Date.parse(dueBy) < yearsAfter(now, -1))) {
    fail(
      'INVALID_INPUT',
      `The due date ${dueBy.slice(0, 10)} is more than two years ahead or a year back: check the year`,
      path,
    );
  }
};

export const requestRecords = ({ data, metadata }: CaseCommandOf<'RequestRecords'>, state: CaseState): CaseEvent[] => {
  const request = requireActiveRequest(requireNotClosed(state), data.requestId);
  requireDistinct(
    data.items.map((item) => item.itemId),
    'data.items',
  );
  data.items.forEach((item, index) => {
    if (request.records.some((record) => record.itemId === item.itemId)) {
      fail('RECORD_ITEM_ALREADY_EXISTS', `Record item ${item.itemId} was already requested`, `data.items[${index}]`);
    }
    requirePlausibleDueDate(item.dueBy, metadata.now, `data.items[${index}].dueBy`);
  });
  return [event('RecordsRequested', { occurredAt: metadata.now, ...data })];
};

export const markRecordsSent = (
  { data, metadata }: CaseCommandOf<'MarkRecordsSent'>,
  state: CaseState,
): CaseEvent[] => {
  const request = requireActiveRequest(requireNotClosed(state), data.requestId);
  // A refusal does not end the matter: the patient is entitled to a copy, so refused items can still be sent.
  requireItemsIn(request, data.itemIds, ['requested', 'refused'], 'sent');
  return [event('RecordsSent', { occurredAt: metadata.now, ...data })];
};

export const markRecordsReceived = (
  { data, metadata }: CaseCommandOf<'MarkRecordsReceived'>,
  state: CaseState,
): CaseEvent[] => {
  const request = requireActiveRequest(requireNotClosed(state), data.requestId);
  requireItemsIn(request, data.itemIds, ['sent'], 'received before it was sent');
  return [event('RecordsReceived', { occurredAt: metadata.now, ...data })];
};

export const recordRecordsReleaseRefused = (
  { data, metadata }: CaseCommandOf<'RecordRecordsReleaseRefused'>,
  state: CaseState,
): CaseEvent[] => {
  const request = requireActiveRequest(requireNotClosed(state), data.requestId);
  requireItemsIn(request, data.itemIds, ['requested'], 'refused');
  return [event('RecordsReleaseRefused', { occurredAt: metadata.now, ...data })];
};
