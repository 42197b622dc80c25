import type { Harness, TestUser } from '../app-harness';
import { mutationDocument } from './documents';
import { expertInput, inDays, openCaseInput, recordItemsInput } from './inputs';

/** Opens a case in `manager`'s caseload over GraphQL; returns its id. */
export const openCaseFor = async (
  harness: Harness,
  manager: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<string> => {
  const opened = await harness.gql<{ openCase: { case: { id: string } } }>(
    mutationDocument('openCase'),
    { input: openCaseInput(manager.id, overrides) },
    manager.token,
  );
  if (opened.errors) {
    throw new Error(`openCase failed: ${JSON.stringify(opened.errors)}`);
  }
  return opened.data!.openCase.case.id;
};

/**
 * Walks one case through a realistic stretch of its life over GraphQL. `variant` varies the path:
 * every other case gets a disagreeing opinion (the saga raises a conflict), every third is closed.
 * Returns the case id.
 */
export const walkCase = async (harness: Harness, manager: TestUser, variant: number): Promise<string> => {
  const send = async (mutation: string, input: Record<string, unknown>) => {
    const response = await harness.gql<Record<string, { case: { id: string } }>>(
      mutationDocument(mutation),
      { input },
      manager.token,
    );
    if (response.errors) {
      throw new Error(`${mutation} failed: ${JSON.stringify(response.errors)}`);
    }
    return response.data![mutation]!.case.id;
  };
  const caseId = await send('openCase', openCaseInput(manager.id, { personal: { patientName: `Patient ${variant}` } }));
  await send('setDecisionDeadline', { caseId, deadline: inDays(10 + variant), source: 'Treating oncologist' });
  await send('requestOpinion', {
    caseId,
    requestId: 'r1',
    expert: expertInput(`Dr. Expert ${variant}`, 'Lakeside Cancer Center'),
    reviewMode: 'IN_PERSON',
  });
  await send('requestRecords', { caseId, requestId: 'r1', items: recordItemsInput() });
  await send('markRecordsSent', { caseId, requestId: 'r1', itemIds: ['chart', 'mri', 'slides'] });
  await send('markRecordsReceived', { caseId, requestId: 'r1', itemIds: ['chart', 'mri'] });
  const disagrees = variant % 2 === 1;
  await send('recordOpinionReceived', {
    caseId,
    requestId: 'r1',
    diagnosis: 'Stage II invasive ductal carcinoma',
    recommendedTreatment: disagrees
      ? 'Neoadjuvant chemotherapy, then lumpectomy'
      : 'Mastectomy followed by chemotherapy',
    changesDiagnosis: false,
    changesTreatment: disagrees,
  });
  await send('addNote', { caseId, noteId: 'n1', text: `Follow-up call ${variant}` });
  if (variant % 3 === 0) {
    await send('makeDecision', {
      caseId,
      optionChosen: 'Mastectomy followed by chemotherapy',
      followsOpinionOf: 'original',
      rationaleInPatientsWords: 'Both doctors agree.',
      acknowledgeOpenConflicts: true,
    });
    await send('closeCase', { caseId, reason: 'DECISION_MADE' });
  }
  return caseId;
};
