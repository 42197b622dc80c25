import { caseStreamId, event, schemaVersionOf } from '@sot/domain';
import type { CaseEvent } from '@sot/domain';
import { randomUUID } from 'node:crypto';
import type { Harness } from '../app-harness';

/**
 * Writes a case's history straight into the event store, with the times it says: the only way to
 * have a deadline that passed days ago, since commands take their time from the clock. The events
 * are the same ones the command path writes; the projections read them like any other.
 */
export const seedCase = async (harness: Harness, actorId: string, events: readonly CaseEvent[]): Promise<string> => {
  const caseId = randomUUID();
  await harness.store.append(
    caseStreamId(caseId),
    events.map((each, index) => ({
      eventId: randomUUID(),
      type: each.type,
      data: each.data,
      metadata: {
        schemaVersion: schemaVersionOf(each.type),
        commandId: `seed-${caseId}-${index}`,
        commandType: 'Seed',
        actor: { id: actorId, role: 'SUPERVISOR' },
      },
    })),
    'no_stream',
  );
  return caseId;
};

export const daysFromNow = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

let recordNumbers = 0;

/** The first events of a case opened `daysAgo` days ago for `caseManagerId`; each a new record number. */
export const opened = (
  caseManagerId: string,
  patientName: string,
  { daysAgo = 30, medicalRecordNumber }: { daysAgo?: number; medicalRecordNumber?: string } = {},
): CaseEvent[] => {
  const occurredAt = daysFromNow(-daysAgo);
  recordNumbers += 1;
  return [
    event('CaseOpened', {
      occurredAt,
      personal: { patientName, medicalRecordNumber: medicalRecordNumber ?? `MRN-${700_000 + recordNumbers}` },
      condition: { name: 'Glioblastoma', severity: 'life_threatening', isCancer: true },
      originalOpinion: {
        clinician: { name: 'Dr. Alan Greer', specialty: 'Neurosurgery', institution: 'Riverside General Hospital' },
        diagnosis: 'Glioblastoma, IDH wild-type',
        recommendedTreatment: 'Resection, then radiotherapy with temozolomide',
      },
    }),
    event('CaseManagerAssigned', { occurredAt, caseManagerId }),
  ];
};

export const deadlineSet = (deadline: string): CaseEvent =>
  event('DecisionDeadlineSet', { occurredAt: daysFromNow(-20), deadline, source: 'Treating neurosurgeon' });

const expert = {
  name: 'Dr. Ines Park',
  specialty: 'Neuro-oncology',
  institution: 'Lakeside Cancer Center',
  institutionType: 'nci_comprehensive_cancer_center' as const,
  closeAssociateOfOriginalClinician: false,
};

export const opinionRequested = (requestId = 'r1'): CaseEvent =>
  event('OpinionRequested', {
    occurredAt: daysFromNow(-19),
    requestId,
    expert,
    reviewMode: 'remote',
    ordinal: 2,
    sameSpecialtyAsOriginal: false,
    independenceConcerns: [],
  });

export const recordsRefused = (requestId = 'r1'): CaseEvent[] => [
  event('RecordsRequested', {
    occurredAt: daysFromNow(-18),
    requestId,
    items: [
      {
        itemId: 'mri',
        kind: 'imaging_original',
        modality: 'mri',
        description: 'Brain MRI, original DICOM',
        holder: 'Riverside Imaging',
        transferMethod: 'electronic_network',
      },
    ],
  }),
  event('RecordsReleaseRefused', {
    occurredAt: daysFromNow(-17),
    requestId,
    itemIds: ['mri'],
    refusedBy: 'Riverside Imaging',
    reason: 'Asked for a signed release',
  }),
];

export const conflictRaised = (): CaseEvent =>
  event('ConflictRaised', {
    occurredAt: daysFromNow(-15),
    conflictId: 'c1',
    subject: 'treatment',
    between: ['original', 'r1'],
    description: 'Resection or biopsy only',
    raisedAutomatically: false,
  });

export const decided = (recordedBy: string): CaseEvent =>
  event('DecisionMade', {
    occurredAt: daysFromNow(-2),
    optionChosen: 'Resection',
    personal: { rationaleInPatientsWords: 'I want it out.' },
    recordedBy,
    openConflictsAcknowledged: [],
  });

export const closed = (): CaseEvent => event('CaseClosed', { occurredAt: daysFromNow(-1), reason: 'patient_withdrew' });
