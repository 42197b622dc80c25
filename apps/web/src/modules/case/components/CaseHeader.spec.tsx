import { screen } from '@testing-library/react';
import { aCase } from '../../../../test/factories/case';
import { renderWithApp } from '../../../../test/render';
import { CaseHeader } from './CaseHeader';

describe('the case header', () => {
  it("says plainly that the patient's data was erased, when and why, instead of showing a name", () => {
    const erased = aCase({
      status: 'CLOSED',
      patient: { __typename: 'Patient', name: '[erased]', birthDate: null, medicalRecordNumber: null },
      erasure: {
        __typename: 'Erasure',
        erasedAt: '2026-11-20T09:00:00.000Z',
        reason: 'PATIENT_REQUEST',
        erasedBy: 'sam',
      },
    });
    renderWithApp(<CaseHeader c={erased} managerName="Ana Ruiz" now={new Date('2026-11-26T09:00:00.000Z')} />);
    expect(screen.getByRole('heading', { name: 'Patient data erased' })).toBeInTheDocument();
    expect(screen.getByText("The patient's data was erased")).toBeInTheDocument();
    expect(screen.getByText(/The patient asked for it/)).toBeInTheDocument();
    expect(screen.queryByText('[erased]')).not.toBeInTheDocument();
    expect(screen.getByText('case manager Ana Ruiz')).toBeInTheDocument();
  });
});
