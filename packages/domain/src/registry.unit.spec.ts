import {
  T0,
  command,
  history,
  openCaseData,
  opinionData,
  withReceivedOpinions,
} from '../test/factories/case-factories';
import { UnknownEventError, caseEventTypes, eventRegistry, parseEvent, schemaVersionOf } from '.';

describe('the event registry', () => {
  it('knows every event type with a schema version', () => {
    expect(caseEventTypes).toHaveLength(19);
    for (const type of caseEventTypes) {
      expect(eventRegistry[type].schemaVersion).toBeGreaterThanOrEqual(1);
    }
    expect(schemaVersionOf('CaseOpened')).toBe(2);
  });

  it('reads back every event the rules produce at its current version', () => {
    const events = [
      ...withReceivedOpinions(opinionData('r1', { summary: 'Long talk' })),
      ...history(command('OpenCase', openCaseData()), command('AddNote', { noteId: 'n1', text: 'Café ☕ — 日本語' })),
    ];
    for (const event of events) {
      const stored = JSON.parse(JSON.stringify(event.data)) as unknown;
      expect(parseEvent(event.type, schemaVersionOf(event.type), stored)).toEqual(event);
    }
  });

  it('upcasts a v1 CaseOpened, moving patient-identifying fields under `personal`', () => {
    const [opened] = history(command('OpenCase', openCaseData()));
    const v1 = {
      occurredAt: T0,
      patientName: 'Maria Lopez',
      patientBirthDate: '1961-04-09',
      condition: openCaseData().condition,
      originalOpinion: openCaseData().originalOpinion,
    };
    expect(parseEvent('CaseOpened', 1, v1)).toEqual({
      type: 'CaseOpened',
      data: { ...opened!.data, personal: { patientName: 'Maria Lopez', birthDate: '1961-04-09' } },
    });
  });

  it('rejects an unknown type, a version from the future and a malformed payload', () => {
    expect(() => parseEvent('CaseTeleported', 1, {})).toThrow(UnknownEventError);
    expect(() => parseEvent('CaseOpened', 3, {})).toThrow(/no schema version 3/);
    expect(() => parseEvent('CaseClosed', 1, { occurredAt: T0, reason: 'bored' })).toThrow(
      /data.reason must be one of/,
    );
  });
});
