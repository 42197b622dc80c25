import { given, thrownBy } from '../test/decider-specification';
import {
  MANAGER,
  OTHER_MANAGER,
  T0,
  command,
  daysAfterT0,
  history,
  minutesAfterT0,
  openCaseData,
  openedCase,
} from '../test/factories/case-factories';
import { commandTypes, event, parseCommand, parseEvent } from '.';

describe('a case', () => {
  describe('when no case exists', () => {
    it('opens the case and assigns its manager', () => {
      const data = openCaseData();
      given([])
        .when(command('OpenCase', data))
        .then([
          event('CaseOpened', {
            occurredAt: T0,
            personal: data.personal,
            condition: data.condition,
            originalOpinion: data.originalOpinion,
          }),
          event('CaseManagerAssigned', { occurredAt: T0, caseManagerId: MANAGER }),
        ]);
    });

    it.each(commandTypes.filter((type) => type !== 'OpenCase' && type !== 'ReopenCase'))(
      'rejects %s with CASE_NOT_FOUND',
      (type) => {
        const anyCommand = { type, data: {}, metadata: { now: T0, actorId: MANAGER } } as never;
        given([]).when(anyCommand).thenThrows('CASE_NOT_FOUND');
      },
    );

    it('keeps the patient-identifying data under `personal` only', () => {
      const [opened] = history(command('OpenCase', openCaseData()));
      const { personal, ...rest } = opened!.data as { personal: unknown };
      expect(personal).toEqual({
        patientName: 'Maria Lopez',
        birthDate: '1961-04-09',
        medicalRecordNumber: 'MRN-100234',
      });
      expect(JSON.stringify(rest)).not.toMatch(/Maria|1961-04-09|MRN-100234/);
    });
  });

  describe('when the command is malformed', () => {
    it('names the field of a missing value', () => {
      const { personal: _omitted, ...withoutPatient } = openCaseData();
      expect(thrownBy(() => parseCommand('OpenCase', withoutPatient, { now: T0, actorId: MANAGER }))).toMatchObject({
        code: 'INVALID_INPUT',
        path: 'data.personal',
      });
    });

    it('rejects an oversized field with its length', () => {
      const data = openCaseData({ condition: { name: 'x'.repeat(201), severity: 'serious', isCancer: false } });
      expect(() => parseCommand('OpenCase', data, { now: T0, actorId: MANAGER })).toThrow(
        /data.condition.name must have at most 200 characters \(got 201\)/,
      );
    });

    it('rejects an impossible birth date and an unknown field', () => {
      const badDate = openCaseData({ personal: { patientName: 'A B', birthDate: '2023-02-30' } });
      expect(() => parseCommand('OpenCase', badDate, { now: T0, actorId: MANAGER })).toThrow(
        /not a real calendar date/,
      );
      expect(() => parseCommand('OpenCase', { ...openCaseData(), extra: 1 }, { now: T0, actorId: MANAGER })).toThrow(
        /data.extra is not a known field/,
      );
    });

    it('names the field holding a NUL, a broken character, or a bidirectional override in a name', () => {
      const parse = (patientName: string) =>
        thrownBy(() =>
          parseCommand('OpenCase', openCaseData({ personal: { patientName } }), { now: T0, actorId: MANAGER }),
        );
      for (const [patientName, message] of [
        ['Maria\u0000Lopez', /control character/],
        ['Maria \ud800Lopez', /lone UTF-16 surrogate/],
        ['\u202eZepol airaM', /bidirectional override/],
      ] as const) {
        expect(parse(patientName)).toMatchObject({
          code: 'INVALID_INPUT',
          path: 'data.personal.patientName',
          message: expect.stringMatching(message) as unknown,
        });
      }
      // Free text may hold line breaks and right-to-left script.
      const note = parseCommand('AddNote', { noteId: 'n1', text: 'Line one\nمريض' }, { now: T0, actorId: MANAGER });
      expect(note.data).toEqual({ noteId: 'n1', text: 'Line one\nمريض' });
    });

    it('rejects a command time without a time zone', () => {
      expect(
        thrownBy(() => parseCommand('OpenCase', openCaseData(), { now: '2026-03-02 09:00', actorId: MANAGER })),
      ).toMatchObject({
        path: 'metadata.now',
      });
    });
  });

  describe('when the case is open', () => {
    it('rejects opening it again', () => {
      given(openedCase()).when(command('OpenCase', openCaseData())).thenThrows('CASE_ALREADY_OPENED');
    });

    it('rejects a birth date in the future or before 1880, but not a newborn east of UTC', () => {
      // T0 is 2026-03-02 09:00 UTC: the 3rd is already today in Tokyo, the 4th is nowhere yet.
      expect(
        given([])
          .when(command('OpenCase', openCaseData({ personal: { patientName: 'A B', birthDate: '2026-03-03' } })))
          .run(),
      ).toHaveLength(2);
      for (const birthDate of ['2026-03-04', '1850-01-01']) {
        given([])
          .when(command('OpenCase', openCaseData({ personal: { patientName: 'A B', birthDate } })))
          .thenThrows('INVALID_INPUT', /birth date/);
      }
    });

    it('reads back a stored event whose text breaks a rule added since, but refuses it in a command', () => {
      const stored = parseEvent('NoteAdded', 1, {
        occurredAt: T0,
        noteId: 'n1',
        author: MANAGER,
        personal: { text: 'Pasted from an old system\u000b with a vertical tab' },
      });
      expect(stored.type).toBe('NoteAdded');
      expect(
        thrownBy(() =>
          parseCommand('AddNote', { noteId: 'n2', text: 'Pasted\u000b again' }, { now: T0, actorId: MANAGER }),
        ),
      ).toMatchObject({ code: 'INVALID_INPUT', path: 'data.text' });
    });

    it('rejects instants outside 1900 to 2200, year 0 included', () => {
      for (const deadline of ['0000-01-01T00:00:00Z', '1899-12-31T23:59:59Z', '2201-01-01T00:00:00Z']) {
        expect(
          thrownBy(() => parseCommand('SetDecisionDeadline', { deadline, source: 'x' }, { now: T0, actorId: MANAGER })),
        ).toMatchObject({ code: 'INVALID_INPUT', path: 'data.deadline' });
      }
    });

    it('rejects a deadline decades away', () => {
      given(openedCase())
        .when(command('SetDecisionDeadline', { deadline: '2046-03-02T09:00:00.000Z', source: 'typo' }))
        .thenThrows('INVALID_INPUT', /more than 5 years away/);
    });

    it('sets a decision deadline that lies after the command time, remembering the previous one', () => {
      const deadline = daysAfterT0(21);
      const first = history(
        command('OpenCase', openCaseData()),
        command('SetDecisionDeadline', { deadline: daysAfterT0(14), source: 'Dr. Greer: within two weeks' }),
      );
      given(first)
        .when(command('SetDecisionDeadline', { deadline, source: 'Dr. Greer extended' }, { now: minutesAfterT0(5) }))
        .then([
          event('DecisionDeadlineSet', {
            occurredAt: minutesAfterT0(5),
            deadline,
            source: 'Dr. Greer extended',
            previousDeadline: daysAfterT0(14),
          }),
        ]);
    });

    it.each([
      ['in the past', minutesAfterT0(-1)],
      ['at the command time', T0],
    ])('rejects a deadline %s', (_label, deadline) => {
      given(openedCase())
        .when(command('SetDecisionDeadline', { deadline, source: 'told by phone' }))
        .thenThrows('DEADLINE_NOT_IN_FUTURE', /is not after now/);
    });

    it('records that the original clinician was informed, once', () => {
      const informed = history(
        command('OpenCase', openCaseData()),
        command('InformOriginalClinician', { method: 'phone', reasonGiven: 'Importance of the decision' }),
      );
      given(informed)
        .when(command('InformOriginalClinician', { method: 'letter' }))
        .thenThrows('CLINICIAN_ALREADY_INFORMED');
    });

    it('reassigns the case to another manager and rejects a no-op reassignment', () => {
      given(openedCase())
        .when(command('AssignCaseManager', { caseManagerId: OTHER_MANAGER, reason: 'Caseload balancing' }))
        .then([
          event('CaseManagerAssigned', {
            occurredAt: T0,
            caseManagerId: OTHER_MANAGER,
            previousCaseManagerId: MANAGER,
            reason: 'Caseload balancing',
          }),
        ]);
      given(openedCase())
        .when(command('AssignCaseManager', { caseManagerId: MANAGER }))
        .thenThrows('CASE_MANAGER_UNCHANGED');
    });

    it('adds notes under `personal` with their author, and rejects a reused note id', () => {
      given(openedCase())
        .when(command('AddNote', { noteId: 'n1', text: 'Patient anxious about delay' }, { actorId: OTHER_MANAGER }))
        .then([
          event('NoteAdded', {
            occurredAt: T0,
            noteId: 'n1',
            author: OTHER_MANAGER,
            personal: { text: 'Patient anxious about delay' },
          }),
        ]);
      const noted = history(command('OpenCase', openCaseData()), command('AddNote', { noteId: 'n1', text: 'a' }));
      given(noted)
        .when(command('AddNote', { noteId: 'n1', text: 'b' }))
        .thenThrows('NOTE_ALREADY_EXISTS');
    });

    it('cannot be closed as decided before a decision, nor reopened', () => {
      given(openedCase())
        .when(command('CloseCase', { reason: 'decision_made' }))
        .thenThrows('DECISION_NOT_MADE');
      given(openedCase())
        .when(command('ReopenCase', { reason: 'why' }))
        .thenThrows('CASE_NOT_CLOSED');
    });
  });

  describe('when the case is closed', () => {
    const closed = () =>
      history(
        command('OpenCase', openCaseData()),
        command('CloseCase', { reason: 'patient_withdrew', comment: 'Moved away' }),
      );

    it.each([
      command('SetDecisionDeadline', { deadline: daysAfterT0(3), source: 'x' }),
      command('InformOriginalClinician', { method: 'phone' }),
      command('CloseCase', { reason: 'other' }),
    ])('rejects $type with CASE_CLOSED', (rejected) => {
      given(closed()).when(rejected).thenThrows('CASE_CLOSED');
    });

    it('still takes notes and reassignments', () => {
      expect(
        given(closed())
          .when(command('AddNote', { noteId: 'n9', text: 'Called back' }))
          .thenState(),
      ).toMatchObject({
        status: 'closed',
        noteIds: ['n9'],
      });
      expect(
        given(closed())
          .when(command('AssignCaseManager', { caseManagerId: OTHER_MANAGER }))
          .thenState(),
      ).toMatchObject({ status: 'closed', caseManagerId: OTHER_MANAGER });
    });

    it('erases the patient data with a coded reason and who did it', () => {
      given(closed())
        .when(command('ErasePatientData', { reason: 'patient_request', reference: 'REQ-2291' }))
        .then([
          event('PatientDataErased', {
            occurredAt: T0,
            reason: 'patient_request',
            reference: 'REQ-2291',
            erasedBy: MANAGER,
          }),
        ]);
    });

    it('reopens into an open case', () => {
      const reopened = given(closed())
        .when(command('ReopenCase', { reason: 'Patient returned' }))
        .thenState();
      expect(reopened.status).toBe('open');
      expect(reopened).not.toHaveProperty('closedAt');
    });
  });

  describe("when the patient's data has been erased", () => {
    const erased = () =>
      history(
        command('OpenCase', openCaseData()),
        command('CloseCase', { reason: 'patient_withdrew' }),
        command('ErasePatientData', { reason: 'retention_period_ended' }),
      );

    it.each([
      command('AddNote', { noteId: 'n1', text: 'Called back' }),
      command('ReopenCase', { reason: 'Patient returned' }),
      command('AssignCaseManager', { caseManagerId: OTHER_MANAGER }),
      command('ErasePatientData', { reason: 'patient_request' }),
    ])('rejects $type with PATIENT_DATA_ERASED', (rejected) => {
      given(erased()).when(rejected).thenThrows('PATIENT_DATA_ERASED');
    });
  });

  describe('when the case is not closed', () => {
    it('refuses to erase the patient data of an open case', () => {
      given(openedCase())
        .when(command('ErasePatientData', { reason: 'patient_request' }))
        .thenThrows('CASE_NOT_CLOSED');
    });
  });
});
