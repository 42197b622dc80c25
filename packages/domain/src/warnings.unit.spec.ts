import {
  T0,
  command,
  daysAfterT0,
  history,
  openCaseData,
  recordItemsData,
  requestOpinionData,
} from '../test/factories/case-factories';
import { fold, warningsAt } from '.';
import type { CaseState } from '.';

const codes = (state: CaseState, now = T0) => warningsAt(state, now).map((warning) => warning.code);

describe('case warnings', () => {
  it('warns of a passed deadline only while no decision is made', () => {
    const withDeadline = fold(
      history(
        command('OpenCase', openCaseData()),
        command('SetDecisionDeadline', { deadline: daysAfterT0(7), source: 'Dr. Greer' }),
      ),
    );
    expect(codes(withDeadline, daysAfterT0(6))).not.toContain('DEADLINE_PASSED');
    expect(warningsAt(withDeadline, daysAfterT0(8))).toContainEqual({
      code: 'DEADLINE_PASSED',
      deadline: daysAfterT0(7),
    });
    const decided = fold(
      history(
        command('OpenCase', openCaseData()),
        command('SetDecisionDeadline', { deadline: daysAfterT0(7), source: 'Dr. Greer' }),
        command(
          'MakeDecision',
          { optionChosen: 'Surgery', rationaleInPatientsWords: 'Trust my surgeon' },
          { now: daysAfterT0(5) },
        ),
      ),
    );
    expect(codes(decided, daysAfterT0(8))).not.toContain('DEADLINE_PASSED');
  });

  it('warns of a passed deadline as of an event that arrives after it', () => {
    const late = fold(
      history(
        command('OpenCase', openCaseData()),
        command('SetDecisionDeadline', { deadline: daysAfterT0(7), source: 'Dr. Greer' }),
        command('AddNote', { noteId: 'n1', text: 'Still waiting' }, { now: daysAfterT0(9) }),
      ),
    );
    expect(late.status === 'open' && codes(late, late.lastEventAt)).toContain('DEADLINE_PASSED');
  });

  it('flags more than three further opinions, but not three', () => {
    const requests = (count: number) =>
      fold(
        history(
          command('OpenCase', openCaseData()),
          command('InformOriginalClinician', { method: 'phone' }),
          ...Array.from({ length: count }, (_, i) => command('RequestOpinion', requestOpinionData(`r${i + 1}`))),
        ),
      );
    expect(codes(requests(3))).not.toContain('MANY_FURTHER_OPINIONS');
    expect(warningsAt(requests(4), T0)).toContainEqual({ code: 'MANY_FURTHER_OPINIONS', furtherOpinions: 4 });
  });

  it('flags a cancer opinion outside an NCI-designated or academic centre, and a dependent expert', () => {
    const state = fold(
      history(
        command('OpenCase', openCaseData()),
        command(
          'RequestOpinion',
          requestOpinionData('r1', {
            expert: {
              name: 'Dr. Near',
              specialty: 'Oncology',
              institution: 'Riverside General Hospital',
              institutionType: 'community_hospital',
              closeAssociateOfOriginalClinician: false,
            },
          }),
        ),
      ),
    );
    expect(warningsAt(state, T0)).toEqual(
      expect.arrayContaining([
        { code: 'CANCER_EXPERT_NOT_AT_PREFERRED_CENTRE', requestId: 'r1' },
        { code: 'EXPERT_NOT_INDEPENDENT', requestId: 'r1', concerns: ['same_institution_as_original'] },
        { code: 'ORIGINAL_CLINICIAN_NOT_INFORMED' },
      ]),
    );
  });

  it('flags slides not sent lab to institution, and a remote review the plan does not cover', () => {
    const items = recordItemsData('r1');
    const slidesByHand = {
      ...items,
      items: items.items.map((item) =>
        item.kind === 'pathology_slides' ? { ...item, transferMethod: 'carried_by_patient' as const } : item,
      ),
    };
    const state = fold(
      history(
        command('OpenCase', openCaseData()),
        command('RequestOpinion', requestOpinionData('r1', { reviewMode: 'remote' })),
        command('RequestRecords', slidesByHand),
        command('RecordInsuranceCoverage', {
          requestId: 'r1',
          coverage: { covered: true, inPlanExpertRequired: false, remoteReviewCovered: false },
        }),
      ),
    );
    expect(warningsAt(state, T0)).toEqual(
      expect.arrayContaining([
        { code: 'SLIDES_NOT_SENT_DIRECT', requestId: 'r1', itemIds: ['slides'] },
        { code: 'REMOTE_REVIEW_NOT_COVERED', requestId: 'r1' },
      ]),
    );
  });

  it('warns of nothing once the case is closed', () => {
    const closed = fold(
      history(
        command('OpenCase', openCaseData()),
        command('RequestOpinion', requestOpinionData('r1')),
        command('CloseCase', { reason: 'patient_withdrew' }),
      ),
    );
    expect(warningsAt(closed, daysAfterT0(100))).toEqual([]);
  });
});
