import { LISTED } from './caseload.repository';
import { columnsFor } from './caseload.service';

describe('columnsFor', () => {
  it('reads every column when the fields are not known', () => {
    expect(columnsFor(undefined)).toEqual(LISTED);
  });

  it('reads the id, status and cursor of every row, and the columns of the fields shown', () => {
    expect([...columnsFor(new Set(['id', 'patientName', 'daysLeft']))].sort()).toEqual(
      ['case_id', 'deadline', 'patient_name', 'status', 'urgency_key'].sort(),
    );
  });

  it('reads what live warnings are worked out from', () => {
    expect(columnsFor(new Set(['warnings']))).toEqual(
      expect.arrayContaining(['warnings', 'outstanding_record_due', 'deadline', 'status']),
    );
  });

  it('ignores fields that are not columns (__typename)', () => {
    expect([...columnsFor(new Set(['__typename']))].sort()).toEqual(['case_id', 'status', 'urgency_key']);
  });
});
