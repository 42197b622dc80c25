import { screen, within } from '@testing-library/react';
import { aCase, opinionRequest, receivedOpinion } from '../../../../test/factories/case';
import { renderWithApp } from '../../../../test/render';
import { OpinionMatrix } from './OpinionMatrix';

const withOpinions = aCase({
  requests: [
    opinionRequest({
      status: 'RECEIVED',
      opinion: receivedOpinion('Anaplastic astrocytoma, IDH mutant', 'Resection then radiotherapy with temozolomide'),
    }),
    opinionRequest({ requestId: 'third', ordinal: 3, expert: { ...opinionRequest().expert, name: 'Dr. Lukas Berg' } }),
  ],
  conflicts: [
    {
      __typename: 'Conflict',
      conflictId: 'auto:diagnosis:second',
      subject: 'DIAGNOSIS',
      between: ['original', 'second'],
      description: 'The diagnosis differs',
      raisedAt: '2026-11-10T09:00:00.000Z',
      raisedAutomatically: true,
      standing: 'OPEN',
      resolution: null,
      outcome: null,
      resolvedAt: null,
      furtherOpinionRequestId: null,
    },
  ],
});

describe('the opinion matrix', () => {
  it('sets the original and every received opinion side by side, and no opinion still awaited', () => {
    renderWithApp(<OpinionMatrix c={withOpinions} />);
    const matrix = screen.getByRole('table', { name: 'Opinions side by side' });
    const headers = within(matrix)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual(['Aspect', 'Original opinion', 'Opinion 2']);
    expect(within(matrix).getByText('Dr. Helen Greer, Neurosurgery')).toBeInTheDocument();
    expect(within(matrix).getByText('Dr. Amara Okafor, Neuro-oncology')).toBeInTheDocument();
  });

  it('marks the words an opinion adds and drops against the original, and leaves shared words plain', () => {
    const { container } = renderWithApp(<OpinionMatrix c={withOpinions} />);
    const added = [...container.querySelectorAll('ins')].map((node) => node.textContent);
    const removed = [...container.querySelectorAll('del')].map((node) => node.textContent);
    expect(added.join('|')).toContain('Anaplastic astrocytoma');
    expect(added.join('|')).toContain('mutant');
    expect(removed.join('|')).toContain('Glioblastoma');
    // The treatment is the same words: nothing marked in its row.
    const treatmentRow = screen.getByRole('rowheader', { name: 'Treatment' }).closest('tr')!;
    expect(treatmentRow.querySelectorAll('ins, del')).toHaveLength(0);
  });

  it('shows the changed flags and the conflicts each opinion is part of', () => {
    renderWithApp(<OpinionMatrix c={withOpinions} />);
    expect(screen.getByText('Changes the diagnosis')).toBeInTheDocument();
    const conflictsRow = screen.getByRole('rowheader', { name: 'Conflicts' }).closest('tr')!;
    expect(within(conflictsRow).getAllByText('Diagnosis (open)')).toHaveLength(2);
  });

  it('says so when no further opinion has come in yet', () => {
    renderWithApp(<OpinionMatrix c={aCase({ requests: [opinionRequest()] })} />);
    expect(screen.getByText(/No further opinion has been received yet/)).toBeInTheDocument();
  });
});
