import { opinionData, withReceivedOpinions } from '../test/factories/case-factories';
import { conflictsToRaise, fold } from '.';
import type { ExistingCase } from '.';

const stateOf = (...opinions: Parameters<typeof withReceivedOpinions>) =>
  fold(withReceivedOpinions(...opinions)) as ExistingCase;
const changedTreatment = (requestId: string, treatment = 'Lumpectomy and radiotherapy') =>
  opinionData(requestId, { changesTreatment: true, recommendedTreatment: treatment });

describe('automatic conflict detection', () => {
  it('raises nothing for an opinion that agrees with the original', () => {
    expect(conflictsToRaise(stateOf(opinionData('r1')), 'r1')).toEqual([]);
  });

  it('raises a treatment conflict between a changing opinion and all that stand elsewhere', () => {
    expect(conflictsToRaise(stateOf(opinionData('r1'), changedTreatment('r2')), 'r2')).toEqual([
      expect.objectContaining({
        conflictId: 'auto:treatment:r2',
        subject: 'treatment',
        between: ['r2', 'original', 'r1'],
        raisedAutomatically: true,
      }),
    ]);
  });

  it('raises both subjects when both change', () => {
    const both = opinionData('r1', {
      changesDiagnosis: true,
      diagnosis: 'DCIS',
      changesTreatment: true,
      recommendedTreatment: 'Surveillance',
    });
    expect(conflictsToRaise(stateOf(both), 'r1').map((c) => c.subject)).toEqual(['diagnosis', 'treatment']);
  });

  it('raises nothing for a further opinion siding with a stance already taken', () => {
    const state = stateOf(
      changedTreatment('r1'),
      opinionData('r2'),
      changedTreatment('r3', '  lumpectomy AND radiotherapy. '),
    );
    expect(conflictsToRaise(state, 'r2')).toEqual([]);
    expect(conflictsToRaise(state, 'r3')).toEqual([]);
  });

  it('raises a conflict between two opinions that both change the treatment differently', () => {
    const state = stateOf(changedTreatment('r1'), changedTreatment('r2', 'Hormone therapy first'));
    expect(conflictsToRaise(state, 'r2')[0]?.between).toEqual(['r2', 'original', 'r1']);
  });

  it('proposes nothing for an opinion not received, and nothing twice', () => {
    const state = stateOf(changedTreatment('r1'));
    expect(conflictsToRaise(state, 'r9')).toEqual([]);
    const [proposal] = conflictsToRaise(state, 'r1');
    const raised: ExistingCase = {
      ...state,
      conflicts: [
        {
          conflictId: proposal!.conflictId,
          subject: 'treatment',
          between: proposal!.between,
          raisedAutomatically: true,
          raisedAt: state.lastEventAt,
        },
      ],
    };
    expect(conflictsToRaise(raised, 'r1')).toEqual([]);
  });
});
