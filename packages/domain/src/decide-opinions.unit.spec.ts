import { given } from '../test/decider-specification';
import {
  T0,
  command,
  history,
  minutesAfterT0,
  openCaseData,
  openedCase,
  opinionData,
  recordItemsData,
  requestOpinionData,
} from '../test/factories/case-factories';
import { event } from '.';

const withRequest = (...requestIds: string[]) =>
  history(
    command('OpenCase', openCaseData()),
    ...requestIds.map((id) => command('RequestOpinion', requestOpinionData(id))),
  );

describe('opinion requests', () => {
  describe('when the case is open', () => {
    it('requests a second opinion, numbering it and noting a different specialty', () => {
      const data = requestOpinionData('r1', { question: 'Is chemotherapy first an option?' });
      given(openedCase())
        .when(command('RequestOpinion', data))
        .then([
          event('OpinionRequested', {
            occurredAt: T0,
            ...data,
            ordinal: 2,
            sameSpecialtyAsOriginal: false,
            independenceConcerns: [],
          }),
        ]);
    });

    it('flags an expert at the original institution or closely associated with the original clinician', () => {
      const data = requestOpinionData('r1', {
        expert: {
          name: 'Dr. Colleague',
          specialty: 'surgical  ONCOLOGY',
          institution: 'riverside general hospital',
          institutionType: 'community_hospital',
          closeAssociateOfOriginalClinician: true,
        },
      });
      const [, , requested] = history(command('OpenCase', openCaseData()), command('RequestOpinion', data));
      expect(requested?.data).toMatchObject({
        sameSpecialtyAsOriginal: true,
        independenceConcerns: ['same_institution_as_original', 'close_associate_of_original'],
      });
    });

    it('numbers further opinions so that no number repeats after a cancellation', () => {
      const events = history(
        command('OpenCase', openCaseData()),
        command('RequestOpinion', requestOpinionData('r1')),
        command('CancelOpinionRequest', { requestId: 'r1', reason: 'Expert unavailable' }),
        command('RequestOpinion', requestOpinionData('r2')),
        command('RequestOpinion', requestOpinionData('r3')),
      );
      const ordinals = events.flatMap((e) => (e.type === 'OpinionRequested' ? [e.data.ordinal] : []));
      expect(ordinals).toEqual([2, 3, 4]);
    });

    it('sees the original institution under another spelling, but not a different institution', () => {
      const concernsFor = (institution: string) => {
        const expert = { ...requestOpinionData('r1').expert, institution };
        const [, , requested] = history(
          command('OpenCase', openCaseData()),
          command('RequestOpinion', requestOpinionData('r1', { expert })),
        );
        return requested?.type === 'OpinionRequested' ? requested.data.independenceConcerns : undefined;
      };
      // The original clinician is at "Riverside General Hospital".
      for (const same of ['Riverside General', 'RIVERSIDE GENERAL HOSP.', 'The Riverside General Hospital, Inc.']) {
        expect(concernsFor(same)).toEqual(['same_institution_as_original']);
      }
      for (const other of ['Riverside Cancer Institute', 'Lakeside General Hospital', 'Hospital']) {
        expect(concernsFor(other)).toEqual([]);
      }
    });

    it('rejects a request id used before', () => {
      given(withRequest('r1'))
        .when(command('RequestOpinion', requestOpinionData('r1')))
        .thenThrows('OPINION_REQUEST_ALREADY_EXISTS');
    });
  });

  describe('when a request is out', () => {
    it('records insurance coverage for it', () => {
      const coverage = {
        covered: false,
        inPlanExpertRequired: true,
        remoteReviewCovered: false,
        selfPayFeeCents: 85000,
        currency: 'USD' as const,
        paymentPlan: '3 monthly instalments',
      };
      given(withRequest('r1'))
        .when(command('RecordInsuranceCoverage', { requestId: 'r1', coverage }))
        .then([event('InsuranceCoverageRecorded', { occurredAt: T0, requestId: 'r1', coverage })]);
    });

    it('rejects coverage, records or an opinion for an unknown request', () => {
      const coverage = { covered: true, inPlanExpertRequired: false };
      given(withRequest('r1'))
        .when(command('RecordInsuranceCoverage', { requestId: 'nope', coverage }))
        .thenThrows('OPINION_REQUEST_NOT_FOUND');
      given(withRequest('r1'))
        .when(command('RequestRecords', recordItemsData('nope')))
        .thenThrows('OPINION_REQUEST_NOT_FOUND');
      given(withRequest('r1'))
        .when(command('RecordOpinionReceived', opinionData('nope')))
        .thenThrows('OPINION_REQUEST_NOT_FOUND');
    });

    it('receives the opinion with whether it changes the diagnosis and the treatment, keeping the summary personal', () => {
      const data = opinionData('r1', {
        changesTreatment: true,
        recommendedTreatment: 'Neoadjuvant chemotherapy, then lumpectomy',
        summary: 'Discussed with patient and daughter',
      });
      given(withRequest('r1'))
        .when(command('RecordOpinionReceived', data, { now: minutesAfterT0(30) }))
        .then([
          event('OpinionReceived', {
            occurredAt: minutesAfterT0(30),
            requestId: 'r1',
            diagnosis: data.diagnosis,
            recommendedTreatment: 'Neoadjuvant chemotherapy, then lumpectomy',
            changesDiagnosis: false,
            changesTreatment: true,
            personal: { summary: 'Discussed with patient and daughter' },
          }),
        ]);
    });

    it('cancels the request, after which nothing more can be recorded for it', () => {
      const cancelled = history(
        command('OpenCase', openCaseData()),
        command('RequestOpinion', requestOpinionData('r1')),
        command('CancelOpinionRequest', { requestId: 'r1', reason: 'Insurer refused' }),
      );
      given(cancelled)
        .when(command('RecordOpinionReceived', opinionData('r1')))
        .thenThrows('OPINION_REQUEST_CANCELLED');
      given(cancelled)
        .when(command('RequestRecords', recordItemsData('r1')))
        .thenThrows('OPINION_REQUEST_CANCELLED');
    });
  });

  describe('when the opinion has been received', () => {
    const received = () =>
      history(
        command('OpenCase', openCaseData()),
        command('RequestOpinion', requestOpinionData('r1')),
        command('RecordOpinionReceived', opinionData('r1')),
      );

    it('rejects receiving it twice or cancelling it', () => {
      given(received())
        .when(command('RecordOpinionReceived', opinionData('r1')))
        .thenThrows('OPINION_ALREADY_RECEIVED');
      given(received())
        .when(command('CancelOpinionRequest', { requestId: 'r1', reason: 'x' }))
        .thenThrows('OPINION_ALREADY_RECEIVED');
    });
  });
});
