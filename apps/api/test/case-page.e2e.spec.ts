import { startHarness } from './app-harness';
import type { Harness, TestUser } from './app-harness';
import { openCaseFor } from './factories/scenarios';
import { mutationDocument } from './factories/documents';
import { expertInput, inDays, openCaseInput, recordItemsInput } from './factories/inputs';

type Json = Record<string, unknown>;
/** jest's asymmetric matchers are typed `any`; name them once as what they are. */
const containing = (text: string): unknown => expect.stringContaining(text);
const anyString: unknown = expect.any(String);

const PAGE = `query($id: ID!) {
  case(id: $id) {
    status deadlineSource clinicianInformedMethod clinicianInformedReason closeComment
    notes { noteId text author addedAt }
    requests {
      requestId ordinal question
      opinion { summary }
      records { itemId status requestedAt sentAt receivedAt dueBy overdue releaseAuthorisationOnFile trackingReference
                refusedBy refusals { refusedBy reason at } }
    }
    conflicts { conflictId standing description outcome }
    decision { rationaleInPatientsWords }
    earlierDecisions { rationaleInPatientsWords }
    warnings { code requestId itemIds matchedRules subjects }
    timeline(first: 100) { entries { eventType summary text recordedAt } }
  }
}`;

describe('the case page, read as a case manager would', () => {
  let harness: Harness;
  let manager: TestUser;
  let caseId: string;
  const send = async (mutation: string, input: Json) => {
    const response = await harness.gql<Record<string, { case: { id: string } }>>(
      mutationDocument(mutation),
      { input: { caseId, ...input } },
      manager.token,
    );
    expect(response.errors).toBeUndefined();
    return response.data![mutation]!;
  };
  const page = async (id = caseId) => {
    const response = await harness.gql<{ case: Json & { timeline: { entries: Json[] } } }>(PAGE, { id }, manager.token);
    expect(response.errors).toBeUndefined();
    return response.data!.case;
  };

  beforeAll(async () => {
    harness = await startHarness('case_page');
    manager = await harness.user('CASE_MANAGER', 'manager-reads');
    caseId = await openCaseFor(harness, manager);
  });
  afterAll(() => harness?.close());

  it('shows every free text where a case manager looks: on the case and on its event in the timeline', async () => {
    await send('setDecisionDeadline', { deadline: inDays(20), source: 'Dr. Greer told Maria: within three weeks' });
    await send('informOriginalClinician', {
      method: 'LETTER',
      reasonGiven: 'Maria wants to hear about breast conservation',
    });
    await send('requestOpinion', {
      requestId: 'r1',
      expert: expertInput('Dr. Ines Park', 'Lakeside Cancer Center'),
      reviewMode: 'IN_PERSON',
      question: 'Is lumpectomy with radiotherapy an option for Maria?',
    });
    await send('requestRecords', { requestId: 'r1', items: recordItemsInput() });
    await send('markRecordsSent', { requestId: 'r1', itemIds: ['chart'], trackingReference: 'UPS 1Z999AA10123456784' });
    await send('recordOpinionReceived', {
      requestId: 'r1',
      diagnosis: 'Stage II invasive ductal carcinoma',
      recommendedTreatment: 'Lumpectomy and radiotherapy',
      changesDiagnosis: false,
      changesTreatment: true,
      summary: 'Maria is a good candidate for breast conservation.',
    });
    await send('addNote', { noteId: 'n1', text: 'Maria called: she is anxious about the wait.' });
    await send('makeDecision', {
      optionChosen: 'Lumpectomy and radiotherapy',
      followsOpinionOf: 'r1',
      rationaleInPatientsWords: 'I want to keep my breast if it is safe.',
      acknowledgeOpenConflicts: true,
    });
    await send('closeCase', { reason: 'DECISION_MADE', comment: 'Maria starts treatment at Lakeside on Monday.' });

    const shown = await page();
    expect(shown).toMatchObject({
      deadlineSource: 'Dr. Greer told Maria: within three weeks',
      clinicianInformedMethod: 'LETTER',
      clinicianInformedReason: 'Maria wants to hear about breast conservation',
      closeComment: 'Maria starts treatment at Lakeside on Monday.',
      notes: [{ noteId: 'n1', text: 'Maria called: she is anxious about the wait.', author: manager.id }],
      decision: { rationaleInPatientsWords: 'I want to keep my breast if it is safe.' },
    });
    const [request] = shown.requests as Json[];
    expect(request).toMatchObject({
      question: 'Is lumpectomy with radiotherapy an option for Maria?',
      opinion: { summary: 'Maria is a good candidate for breast conservation.' },
    });
    expect((request!.records as Json[])[0]).toMatchObject({
      itemId: 'chart',
      status: 'SENT',
      trackingReference: 'UPS 1Z999AA10123456784',
    });
    const texts: Json = Object.fromEntries(
      shown.timeline.entries.map((entry): [string, unknown] => [String(entry.eventType), entry.text]),
    );
    expect(texts).toMatchObject({
      DecisionDeadlineSet: 'Dr. Greer told Maria: within three weeks',
      OriginalClinicianInformed: 'Maria wants to hear about breast conservation',
      OpinionRequested: 'Is lumpectomy with radiotherapy an option for Maria?',
      RecordsSent: 'Tracking reference: UPS 1Z999AA10123456784',
      OpinionReceived: 'Maria is a good candidate for breast conservation.',
      ConflictRaised: containing('Dr. Ines Park'),
      NoteAdded: 'Maria called: she is anxious about the wait.',
      DecisionMade: 'I want to keep my breast if it is safe.',
      CaseClosed: 'Maria starts treatment at Lakeside on Monday.',
    });
    // The one-line summaries stay free of patient data.
    expect(shown.timeline.entries.map((entry) => entry.summary).join('\n')).not.toMatch(/Maria/);
  });

  it('keeps a conflict taken over by the decision from counting as open, then closed with the case', async () => {
    const shown = await page();
    expect(shown.conflicts).toEqual([
      {
        conflictId: 'auto:treatment:r1',
        standing: 'ACKNOWLEDGED_AT_DECISION',
        description: containing('differs on the treatment'),
        outcome: null,
      },
    ]);
    const caseload = await harness.gql<{ cases: { edges: { node: { id: string; openConflicts: number } }[] } }>(
      '{ cases(first: 50) { edges { node { id openConflicts } } } }',
      {},
      manager.token,
    );
    expect(caseload.data!.cases.edges.find((edge) => edge.node.id === caseId)!.node.openConflicts).toBe(0);
    const withOpenConflict = await harness.gql<{ cases: { totalCount: number } }>(
      '{ cases(first: 50, filter: { hasOpenConflict: true }) { totalCount } }',
      {},
      manager.token,
    );
    expect(withOpenConflict.data!.cases.totalCount).toBe(0);
    // Reopened, the conflict is open again until someone resolves it.
    await send('reopenCase', { reason: 'Maria asks to revisit the decision' });
    expect((await page()).conflicts).toMatchObject([{ standing: 'OPEN' }]);
    await send('closeCase', { reason: 'PATIENT_WITHDREW' });
    expect((await page()).conflicts).toMatchObject([{ standing: 'CLOSED_UNRESOLVED' }]);
  });

  it('shows the case as it stood, with only the timeline recorded by then', async () => {
    const all = (await page()).timeline.entries;
    const cut = all.find((entry) => entry.eventType === 'OpinionRequested')!.recordedAt as string;
    const asOf = await harness.gql<{
      caseAsOf: { timeline: { entries: { eventType: string }[]; totalCount: number } };
    }>(
      'query($id: ID!, $at: DateTime!) { caseAsOf(id: $id, at: $at) { timeline(first: 100) { totalCount entries { eventType } } } }',
      { id: caseId, at: cut },
      manager.token,
    );
    const entries = asOf.data!.caseAsOf.timeline.entries.map((entry) => entry.eventType);
    expect(entries.at(-1)).toBe('OpinionRequested');
    expect(entries).not.toContain('OpinionReceived');
    expect(asOf.data!.caseAsOf.timeline.totalCount).toBe(entries.length);
  });

  it('tracks records item by item: dates, due date, authorisation, overdue, and a refusal kept in the history', async () => {
    const opened = await harness.gql<{ openCase: { case: { id: string } } }>(
      mutationDocument('openCase'),
      { input: openCaseInput(manager.id, { commandId: 'records-case' }) },
      manager.token,
    );
    caseId = opened.data!.openCase.case.id;
    await send('requestOpinion', {
      requestId: 'r1',
      expert: expertInput('Dr. Park', 'Lakeside'),
      reviewMode: 'REMOTE',
    });
    const dueSoon = new Date(Date.now() + 1_500).toISOString();
    const [chart, mri] = recordItemsInput();
    await send('requestRecords', {
      requestId: 'r1',
      items: [
        { ...chart, dueBy: dueSoon, releaseAuthorisationOnFile: true },
        { ...mri, dueBy: inDays(7), releaseAuthorisationOnFile: false },
      ],
    });
    await send('recordRecordsReleaseRefused', {
      requestId: 'r1',
      itemIds: ['mri'],
      refusedBy: 'Riverside Imaging',
      reason: 'Wants a signed release',
    });
    await send('markRecordsSent', { requestId: 'r1', itemIds: ['mri'] });
    await new Promise((resolve) => setTimeout(resolve, 1_600));

    const shown = await page();
    const [chartShown, mriShown] = (shown.requests as { records: Json[] }[])[0]!.records;
    expect(chartShown).toMatchObject({
      status: 'REQUESTED',
      overdue: true,
      releaseAuthorisationOnFile: true,
      dueBy: dueSoon,
    });
    expect(chartShown!.requestedAt).toEqual(expect.any(String));
    expect(mriShown).toMatchObject({
      status: 'SENT',
      overdue: false,
      releaseAuthorisationOnFile: false,
      refusedBy: null,
      refusals: [{ refusedBy: 'Riverside Imaging', reason: 'Wants a signed release', at: anyString }],
    });
    expect(mriShown!.sentAt).toEqual(expect.any(String));
    expect(shown.warnings).toContainEqual(expect.objectContaining({ code: 'RECORDS_OVERDUE', itemIds: ['chart'] }));
    const caseload = await harness.gql<{ cases: { edges: { node: { id: string; overdueRecords: number } }[] } }>(
      '{ cases(first: 50) { edges { node { id overdueRecords } } } }',
      {},
      manager.token,
    );
    expect(caseload.data!.cases.edges.find((edge) => edge.node.id === caseId)!.node.overdueRecords).toBe(1);
  });

  it('says which independence rule matched', async () => {
    await send('requestOpinion', {
      requestId: 'r2',
      expert: expertInput('Dr. Near', 'Riverside General'),
      reviewMode: 'IN_PERSON',
    });
    const warning = ((await page()).warnings as Json[]).find(
      (each) => each.code === 'EXPERT_NOT_INDEPENDENT' && each.requestId === 'r2',
    );
    expect(warning?.matchedRules).toEqual([expect.stringContaining('once words such as "Hospital"')]);
  });
});
