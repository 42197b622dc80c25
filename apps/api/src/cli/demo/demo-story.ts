import { automaticConflictId } from '@sot/domain';
import type { CommandType } from '@sot/domain';
import { conditions, experts, firstNames, lastNames, originalClinicians } from './demo-catalogue';
import type { ConditionTemplate } from './demo-catalogue';

export type Step = { type: CommandType; data: Record<string, unknown>; at: Date; actorId: string };

/** A small seeded generator: the same seed gives the same demo, so screenshots are repeatable. */
export const seeded = (seed: number) => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
};
type Random = ReturnType<typeof seeded>;

const DAY = 86_400_000;

/** How far each demo case has got: weights give a caseload with every stage represented. */
const stages = [
  ['opened', 8],
  ['deadline', 12],
  ['requested', 16],
  ['records-moving', 16],
  ['opinion-agrees', 10],
  ['opinion-differs', 14],
  ['conflict-settled', 8],
  ['decided', 10],
  ['closed', 6],
] as const;
type Stage = (typeof stages)[number][0];

const pickStage = (random: Random): Stage => {
  let roll = random.int(
    1,
    stages.reduce((sum, [, weight]) => sum + weight, 0),
  );
  for (const [stage, weight] of stages) {
    roll -= weight;
    if (roll <= 0) {
      return stage;
    }
  }
  return 'opened';
};

const reached = (stage: Stage, wanted: Stage) =>
  stages.findIndex(([s]) => s === stage) >= stages.findIndex(([s]) => s === wanted);

const recordItems = (condition: ConditionTemplate, clinic: string, random: Random, dueBy: Date) => [
  {
    itemId: 'record-copy',
    kind: 'medical_record_copy',
    description: 'Copy of the medical record',
    holder: clinic,
    transferMethod: 'electronic_network',
    dueBy: dueBy.toISOString(),
  },
  condition.isCancer
    ? {
        itemId: 'slides',
        kind: 'pathology_slides',
        description: 'Biopsy slides and blocks',
        holder: `${clinic} pathology lab`,
        transferMethod: random.chance(0.85) ? 'direct_lab_to_institution' : 'mail_or_courier',
        dueBy: dueBy.toISOString(),
      }
    : { itemId: 'labs', kind: 'lab_results', description: 'Recent blood work', holder: clinic, transferMethod: 'fax' },
  {
    itemId: 'imaging',
    kind: 'imaging_original',
    modality: random.pick(['mri', 'ct', 'pet'] as const),
    description: 'Original images (DICOM), not only the report',
    holder: `${clinic} imaging`,
    transferMethod: random.chance(0.5) ? 'disk' : 'electronic_network',
    dueBy: dueBy.toISOString(),
  },
];

/** One case's life so far, as commands with the moments they happened. */
export const demoStory = (random: Random, caseManagerId: string, now: Date): { steps: Step[]; patient: string } => {
  const stage = pickStage(random);
  const condition = random.pick(conditions);
  const clinician = random.pick(originalClinicians);
  const patient = `${random.pick(firstNames)} ${random.pick(lastNames)}`;
  const opened = new Date(
    now.getTime() - random.int(stage === 'opened' ? 0 : 6, 50) * DAY - random.int(0, 8) * 3_600_000,
  );
  let clock = opened.getTime();
  const steps: Step[] = [];
  const step = (type: CommandType, data: Record<string, unknown>, gapDays = random.int(1, 4)) => {
    clock = Math.min(clock + gapDays * DAY * (0.5 + random.next()), now.getTime() - 60_000 * (30 - steps.length));
    steps.push({ type, data, at: new Date(clock), actorId: caseManagerId });
  };
  step(
    'OpenCase',
    {
      personal: {
        patientName: patient,
        birthDate: `19${random.int(38, 92)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
        medicalRecordNumber: `MRN-${random.int(100000, 999999)}`,
      },
      condition: { name: condition.name, severity: condition.severity, isCancer: condition.isCancer },
      originalOpinion: {
        clinician: { ...clinician, specialty: condition.specialty },
        diagnosis: condition.diagnosis,
        recommendedTreatment: condition.treatment,
      },
      caseManagerId,
    },
    0,
  );
  if (!reached(stage, 'deadline')) {
    return { steps, patient };
  }
  const deadline = new Date(opened.getTime() + random.int(14, 70) * DAY);
  step(
    'SetDecisionDeadline',
    {
      deadline: deadline.toISOString(),
      source: `${clinician.name}: treatment should start within ${Math.round((deadline.getTime() - opened.getTime()) / (7 * DAY))} weeks`,
    },
    1,
  );
  if (random.chance(0.7)) {
    step('InformOriginalClinician', {
      method: random.pick(['letter', 'phone', 'patient_portal'] as const),
      reasonGiven: 'The patient wants to be sure before treatment',
    });
  }
  if (!reached(stage, 'requested')) {
    return { steps, patient };
  }
  const expert = random.pick(experts);
  step('RequestOpinion', {
    requestId: 'second',
    expert: {
      name: expert.name,
      specialty: condition.specialty,
      institution: expert.institution,
      institutionType: expert.institutionType,
      closeAssociateOfOriginalClinician: random.chance(0.05),
    },
    reviewMode: expert.institutionType === 'online_service' ? 'remote' : random.pick(['remote', 'in_person'] as const),
    question: `Do you agree with ${condition.treatment.toLowerCase()}?`,
  });
  const covered = random.chance(0.7);
  step(
    'RecordInsuranceCoverage',
    {
      requestId: 'second',
      coverage: covered
        ? { covered: true, inPlanExpertRequired: random.chance(0.3), remoteReviewCovered: random.chance(0.6) }
        : {
            covered: false,
            inPlanExpertRequired: false,
            selfPayFeeCents: random.int(3, 12) * 10_000,
            currency: 'USD',
            paymentPlan: random.chance(0.5) ? 'Three monthly instalments' : undefined,
          },
    },
    1,
  );
  const items = recordItems(condition, clinician.institution, random, new Date(clock + random.int(5, 20) * DAY));
  step('RequestRecords', { requestId: 'second', items }, 0);
  if (!reached(stage, 'records-moving')) {
    return { steps, patient };
  }
  const refuse = stage === 'records-moving' && random.chance(0.45);
  if (refuse) {
    step('RecordRecordsReleaseRefused', {
      requestId: 'second',
      itemIds: ['imaging'],
      refusedBy: `${clinician.institution} imaging`,
      reason: 'Will only release the radiology report, not the images',
    });
  }
  step('MarkRecordsSent', {
    requestId: 'second',
    itemIds: refuse ? ['record-copy'] : items.map((item) => item.itemId),
    trackingReference: `TRK-${random.int(10000, 99999)}`,
  });
  if (!reached(stage, 'opinion-agrees')) {
    return { steps, patient };
  }
  step('MarkRecordsReceived', { requestId: 'second', itemIds: items.map((item) => item.itemId) });
  const differs = stage !== 'opinion-agrees' && random.chance(0.85);
  const alternative = random.pick(condition.alternatives);
  step(
    'RecordOpinionReceived',
    differs
      ? {
          requestId: 'second',
          diagnosis: alternative.diagnosis,
          recommendedTreatment: alternative.treatment,
          changesDiagnosis: alternative.changesDiagnosis,
          changesTreatment: alternative.changesTreatment,
          summary: 'Reviewed the original slides and images in full.',
        }
      : {
          requestId: 'second',
          diagnosis: condition.diagnosis,
          recommendedTreatment: condition.treatment,
          changesDiagnosis: false,
          changesTreatment: false,
          summary: 'Agrees with the original assessment.',
        },
  );
  if (!differs || !reached(stage, 'opinion-differs')) {
    return { steps, patient };
  }
  const subjects = [
    ...(alternative.changesDiagnosis ? (['diagnosis'] as const) : []),
    ...(alternative.changesTreatment ? (['treatment'] as const) : []),
  ];
  for (const subject of subjects) {
    const conflictId = automaticConflictId(subject, 'second');
    step(
      'RaiseConflict',
      {
        conflictId,
        subject,
        between: ['original', 'second'],
        description: `The ${subject} differs from the original opinion`,
        raisedAutomatically: true,
      },
      0,
    );
  }
  if (!reached(stage, 'conflict-settled')) {
    return { steps, patient };
  }
  for (const subject of subjects) {
    step('ResolveConflict', {
      conflictId: automaticConflictId(subject, 'second'),
      resolution: random.pick(['clinicians_conferred', 'patient_judgement'] as const),
      outcome: 'The clinicians met with the patient and agreed on the way forward',
    });
  }
  if (!reached(stage, 'decided')) {
    return { steps, patient };
  }
  step('MakeDecision', {
    optionChosen: random.chance(0.6) ? alternative.treatment : condition.treatment,
    followsOpinionOf: random.chance(0.6) ? 'second' : 'original',
    rationaleInPatientsWords: random.pick([
      'I want the option that lets me keep working and look after my children.',
      'Both doctors explained it well; I trust the specialist who saw my slides.',
      'I would rather wait and watch than have surgery I may not need.',
    ]),
  });
  if (reached(stage, 'closed')) {
    step('CloseCase', { reason: 'decision_made', comment: 'Treatment scheduled' });
  }
  return { steps, patient };
};
