import { given } from '../test/decider-specification';
import {
  T0,
  command,
  history,
  openCaseData,
  recordItemsData,
  requestOpinionData,
} from '../test/factories/case-factories';
import { event, warningsAt } from '.';

const recordsRequested = () =>
  history(
    command('OpenCase', openCaseData()),
    command('RequestOpinion', requestOpinionData('r1')),
    command('RequestRecords', recordItemsData('r1')),
  );

const itemStatuses = (state: ReturnType<ReturnType<ReturnType<typeof given>['when']>['thenState']>) =>
  state.status === 'none'
    ? {}
    : Object.fromEntries(state.requests[0]!.records.map((item) => [item.itemId, item.status]));

describe('records for an opinion request', () => {
  describe('when a request is out', () => {
    it('requests records item by item with their transfer method', () => {
      const data = recordItemsData('r1');
      given(history(command('OpenCase', openCaseData()), command('RequestOpinion', requestOpinionData('r1'))))
        .when(command('RequestRecords', data))
        .then([event('RecordsRequested', { occurredAt: T0, ...data })]);
    });

    it('rejects an item id listed twice in one command', () => {
      const data = recordItemsData('r1');
      const twice = { ...data, items: [data.items[0]!, data.items[0]!] };
      given(history(command('OpenCase', openCaseData()), command('RequestOpinion', requestOpinionData('r1'))))
        .when(command('RequestRecords', twice))
        .thenThrows('INVALID_INPUT', /more than once/);
    });
  });

  describe('when records are requested', () => {
    it('rejects requesting an item again', () => {
      given(recordsRequested())
        .when(command('RequestRecords', recordItemsData('r1')))
        .thenThrows('RECORD_ITEM_ALREADY_EXISTS');
    });

    it('rejects an unknown item, naming its position', () => {
      const error = given(recordsRequested())
        .when(command('MarkRecordsSent', { requestId: 'r1', itemIds: ['chart', 'ct'] }))
        .thenThrows('RECORD_ITEM_NOT_FOUND');
      expect(error.path).toBe('data.itemIds[1]');
    });

    it('rejects receiving an item that was never sent', () => {
      given(recordsRequested())
        .when(command('MarkRecordsReceived', { requestId: 'r1', itemIds: ['mri'] }))
        .thenThrows('RECORD_ITEM_WRONG_STATUS', /requested and cannot be received/);
    });

    it('moves items from requested to sent to received', () => {
      const sent = [
        ...recordsRequested(),
        ...given(recordsRequested())
          .when(command('MarkRecordsSent', { requestId: 'r1', itemIds: ['chart', 'mri'] }))
          .run(),
      ];
      const state = given(sent)
        .when(command('MarkRecordsReceived', { requestId: 'r1', itemIds: ['chart'] }))
        .thenState();
      expect(itemStatuses(state)).toEqual({ chart: 'received', mri: 'sent', slides: 'requested' });
    });
  });

  describe('when a provider refuses to release records', () => {
    const refused = () =>
      history(
        command('OpenCase', openCaseData()),
        command('RequestOpinion', requestOpinionData('r1')),
        command('RequestRecords', recordItemsData('r1')),
        command('RecordRecordsReleaseRefused', {
          requestId: 'r1',
          itemIds: ['mri'],
          refusedBy: 'Riverside Imaging',
          reason: 'Needs signed release',
        }),
      );

    it('warns until the refused items are sent after all', () => {
      expect(
        warningsAt(
          given(refused())
            .when(command('AddNote', { noteId: 'n', text: 'Called' }))
            .thenState(),
          T0,
        ),
      ).toContainEqual({
        code: 'RECORDS_RELEASE_REFUSED',
        requestId: 'r1',
        itemIds: ['mri'],
      });
      const sentAnyway = given(refused())
        .when(command('MarkRecordsSent', { requestId: 'r1', itemIds: ['mri'] }))
        .thenState();
      expect(itemStatuses(sentAnyway)).toMatchObject({ mri: 'sent' });
      expect(warningsAt(sentAnyway, T0).map((w) => w.code)).not.toContain('RECORDS_RELEASE_REFUSED');
    });

    it('rejects a refusal of an item already sent', () => {
      const sent = history(
        command('OpenCase', openCaseData()),
        command('RequestOpinion', requestOpinionData('r1')),
        command('RequestRecords', recordItemsData('r1')),
        command('MarkRecordsSent', { requestId: 'r1', itemIds: ['mri'] }),
      );
      given(sent)
        .when(
          command('RecordRecordsReleaseRefused', { requestId: 'r1', itemIds: ['mri'], refusedBy: 'x', reason: 'y' }),
        )
        .thenThrows('RECORD_ITEM_WRONG_STATUS');
    });
  });
  describe('due dates of record items', () => {
    it('refuses a due date years away or long past', () => {
      const items = recordItemsData('r1');
      for (const dueBy of ['2031-03-02T09:00:00.000Z', '2024-01-01T00:00:00.000Z']) {
        given(history(command('OpenCase', openCaseData()), command('RequestOpinion', requestOpinionData('r1'))))
          .when(command('RequestRecords', { ...items, items: items.items.map((item) => ({ ...item, dueBy })) }))
          .thenThrows('INVALID_INPUT', /due date/);
      }
    });
  });
});
