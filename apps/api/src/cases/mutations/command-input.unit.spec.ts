import type { Severity } from '@sot/domain';
import { commandData } from './command-input';
import type { MatchesCommand } from './command-input';

/** Compiles only for `true`: the checks below are verified by the typecheck, not at run time. */
const holds = <T extends true>(): T | undefined => undefined;

type AddNote = { caseId: string; commandId?: string; expectedVersion?: number; noteId: string; text: string };
type Deadline = { caseId: string; deadline: Date; source: string };
type Condition = { name: string; severity: Severity; isCancer: boolean };
type Case = {
  personal: { patientName: string; birthDate?: string; medicalRecordNumber?: string };
  condition: Condition;
  originalOpinion: {
    clinician: { name: string; specialty: string; institution: string };
    diagnosis: string;
    recommendedTreatment: string;
  };
  caseManagerId: string;
};

type LooseCase = Omit<Case, 'condition'> & { condition: Omit<Condition, 'severity'> & { severity: string } };

describe('an input checked against its command', () => {
  it('accepts the command data exactly, envelope fields aside and dates as Date', () => {
    holds<MatchesCommand<AddNote, 'AddNote'>>();
    holds<MatchesCommand<Deadline, 'SetDecisionDeadline'>>();
    holds<MatchesCommand<Case, 'OpenCase'>>();
  });

  it('refuses a field the command lacks, a missing field, a plain string for an enum, a wrong optionality', () => {
    // @ts-expect-error a field the domain does not know would be rejected at run time
    holds<MatchesCommand<AddNote & { pinned?: boolean }, 'AddNote'>>();
    // @ts-expect-error a command field the input does not offer
    holds<MatchesCommand<Omit<AddNote, 'text'>, 'AddNote'>>();
    // @ts-expect-error an enum must be the domain's own union, not any string
    holds<MatchesCommand<LooseCase, 'OpenCase'>>();
    // @ts-expect-error a required command field offered as optional
    holds<MatchesCommand<Omit<AddNote, 'text'> & { text?: string }, 'AddNote'>>();
  });

  it('lets the API leave out a command field on purpose, by name', () => {
    type RaiseConflict = {
      caseId: string;
      conflictId: string;
      subject: 'diagnosis' | 'treatment';
      between: string[];
      description: string;
    };
    holds<MatchesCommand<RaiseConflict, 'RaiseConflict', 'raisedAutomatically'>>();
    // @ts-expect-error not without saying so
    holds<MatchesCommand<RaiseConflict, 'RaiseConflict'>>();
  });
});

describe('commandData', () => {
  it('drops the envelope and absent fields and turns dates into ISO strings', () => {
    const input = {
      caseId: 'c',
      commandId: 'k',
      expectedVersion: 3,
      deadline: new Date('2026-03-01T09:30:00Z'),
      source: 'Dr. Greer',
      reason: null,
      nested: { at: new Date('2026-01-01T00:00:00Z'), items: [{ note: undefined, ok: true }] },
    };
    expect(commandData(input)).toEqual({
      deadline: '2026-03-01T09:30:00.000Z',
      source: 'Dr. Greer',
      nested: { at: '2026-01-01T00:00:00.000Z', items: [{ ok: true }] },
    });
  });
});
