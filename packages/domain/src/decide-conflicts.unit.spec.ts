import { given } from '../test/decider-specification';
import {
  MANAGER,
  T0,
  command,
  history,
  minutesAfterT0,
  openCaseData,
  opinionData,
  requestOpinionData,
  withReceivedOpinions,
} from '../test/factories/case-factories';
import { event } from '.';

const disagreeing = () =>
  withReceivedOpinions(
    opinionData('r1'),
    opinionData('r2', { changesTreatment: true, recommendedTreatment: 'Lumpectomy and radiotherapy' }),
  );

const conflictRaised = () => [
  ...disagreeing(),
  ...given(disagreeing())
    .when(
      command('RaiseConflict', {
        conflictId: 'c1',
        subject: 'treatment',
        between: ['original', 'r2'],
        description: 'Mastectomy or lumpectomy',
      }),
    )
    .run(),
];

describe('conflicts and the decision', () => {
  describe('when opinions disagree', () => {
    it('raises a conflict by hand between received opinions', () => {
      given(disagreeing())
        .when(
          command('RaiseConflict', {
            conflictId: 'c1',
            subject: 'treatment',
            between: ['original', 'r2'],
            description: 'Surgery differs',
          }),
        )
        .then([
          event('ConflictRaised', {
            occurredAt: T0,
            conflictId: 'c1',
            subject: 'treatment',
            between: ['original', 'r2'],
            description: 'Surgery differs',
            raisedAutomatically: false,
          }),
        ]);
    });

    it.each([
      [['original', 'r9'], 'an unknown request'],
      [['original', 'original'], 'the same opinion twice'],
    ])('rejects a conflict between %j (%s)', (between) => {
      given(disagreeing())
        .when(command('RaiseConflict', { conflictId: 'c1', subject: 'diagnosis', between, description: 'x' }))
        .thenThrows(between[1] === 'original' ? 'INVALID_INPUT' : 'CONFLICT_PARTIES_INVALID');
    });

    it('rejects a conflict with an opinion not yet received', () => {
      const pending = history(command('OpenCase', openCaseData()), command('RequestOpinion', requestOpinionData('r1')));
      given(pending)
        .when(
          command('RaiseConflict', {
            conflictId: 'c1',
            subject: 'diagnosis',
            between: ['original', 'r1'],
            description: 'x',
          }),
        )
        .thenThrows('CONFLICT_PARTIES_INVALID');
    });
  });

  describe('when a conflict is open', () => {
    it('refuses a decision that does not acknowledge it', () => {
      given(conflictRaised())
        .when(
          command('MakeDecision', { optionChosen: 'Lumpectomy', rationaleInPatientsWords: 'I want to keep my breast' }),
        )
        .thenThrows('OPEN_CONFLICTS_NOT_ACKNOWLEDGED', /c1/);
    });

    it('records a decision that acknowledges it, naming the conflicts left open', () => {
      given(conflictRaised())
        .when(
          command(
            'MakeDecision',
            {
              optionChosen: 'Lumpectomy and radiotherapy',
              followsOpinionOf: 'r2',
              rationaleInPatientsWords: 'I want to keep my breast',
              acknowledgeOpenConflicts: true,
            },
            { now: minutesAfterT0(90) },
          ),
        )
        .then([
          event('DecisionMade', {
            occurredAt: minutesAfterT0(90),
            optionChosen: 'Lumpectomy and radiotherapy',
            followsOpinionOf: 'r2',
            personal: { rationaleInPatientsWords: 'I want to keep my breast' },
            recordedBy: MANAGER,
            openConflictsAcknowledged: ['c1'],
          }),
        ]);
    });

    it('resolves it by a further opinion that has been received', () => {
      const withThird = [
        ...conflictRaised(),
        ...given(conflictRaised())
          .when(command('RequestOpinion', requestOpinionData('r3')))
          .run(),
      ];
      given(withThird)
        .when(
          command('ResolveConflict', {
            conflictId: 'c1',
            resolution: 'further_opinion',
            furtherOpinionRequestId: 'r3',
            outcome: 'x',
          }),
        )
        .thenThrows('OPINION_NOT_RECEIVED');
      const received = [
        ...withThird,
        ...given(withThird)
          .when(command('RecordOpinionReceived', opinionData('r3')))
          .run(),
      ];
      const state = given(received)
        .when(
          command('ResolveConflict', {
            conflictId: 'c1',
            resolution: 'further_opinion',
            furtherOpinionRequestId: 'r3',
            outcome: 'Third opinion sides with mastectomy',
          }),
        )
        .thenState();
      expect(state.status !== 'none' && state.conflicts[0]?.resolution).toEqual({
        kind: 'further_opinion',
        furtherOpinionRequestId: 'r3',
        at: T0,
      });
    });

    it('requires the further opinion to be named, and only for that resolution', () => {
      given(conflictRaised())
        .when(command('ResolveConflict', { conflictId: 'c1', resolution: 'further_opinion', outcome: 'x' }))
        .thenThrows('INVALID_INPUT', /Name the further opinion/);
      given(conflictRaised())
        .when(
          command('ResolveConflict', {
            conflictId: 'c1',
            resolution: 'patient_judgement',
            furtherOpinionRequestId: 'r2',
            outcome: 'x',
          }),
        )
        .thenThrows('INVALID_INPUT');
    });

    it('rejects resolving an unknown or an already resolved conflict', () => {
      const resolve = command('ResolveConflict', {
        conflictId: 'c1',
        resolution: 'clinicians_conferred',
        outcome: 'Agreed on lumpectomy',
      });
      given(conflictRaised())
        .when(command('ResolveConflict', { conflictId: 'c7', resolution: 'patient_judgement', outcome: 'x' }))
        .thenThrows('CONFLICT_NOT_FOUND');
      const resolved = [...conflictRaised(), ...given(conflictRaised()).when(resolve).run()];
      given(resolved).when(resolve).thenThrows('CONFLICT_ALREADY_RESOLVED');
    });
  });

  describe('when the patient has decided', () => {
    const decided = () => [
      ...disagreeing(),
      ...given(disagreeing())
        .when(
          command('MakeDecision', {
            optionChosen: 'Mastectomy',
            followsOpinionOf: 'original',
            rationaleInPatientsWords: 'Peace of mind',
          }),
        )
        .run(),
    ];

    it('rejects another decision, a new request or a new deadline', () => {
      given(decided())
        .when(command('MakeDecision', { optionChosen: 'x', rationaleInPatientsWords: 'y' }))
        .thenThrows('DECISION_ALREADY_MADE');
      given(decided())
        .when(command('RequestOpinion', requestOpinionData('r3')))
        .thenThrows('DECISION_ALREADY_MADE');
    });

    it('raises no new conflict until the case is reopened', () => {
      given(decided())
        .when(
          command('RaiseConflict', {
            conflictId: 'late',
            subject: 'diagnosis',
            between: ['original', 'r1'],
            description: 'Found after the decision',
          }),
        )
        .thenThrows('DECISION_ALREADY_MADE', /reopen/);
    });

    it('rejects following an opinion that does not exist', () => {
      given(disagreeing())
        .when(command('MakeDecision', { optionChosen: 'x', followsOpinionOf: 'r7', rationaleInPatientsWords: 'y' }))
        .thenThrows('OPINION_REQUEST_NOT_FOUND');
    });

    it('closes as decided, and on reopening keeps the earlier decision in the history', () => {
      const closed = [
        ...decided(),
        ...given(decided())
          .when(command('CloseCase', { reason: 'decision_made' }))
          .run(),
      ];
      const reopened = given(closed)
        .when(command('ReopenCase', { reason: 'New pathology findings' }))
        .thenState();
      expect(reopened).toMatchObject({ status: 'open', earlierDecisions: [{ optionChosen: 'Mastectomy' }] });
      expect(reopened).not.toHaveProperty('decision');
    });
  });
});
