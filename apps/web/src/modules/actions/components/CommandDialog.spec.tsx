import { GraphQLError } from 'graphql';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aCase, opinionRequest } from '../../../../test/factories/case';
import { renderWithApp } from '../../../../test/render';
import { commandForms } from '../forms';
import { MakeDecisionMutation } from '../graphql/commands';
import { CommandDialog } from './CommandDialog';

const context = (c = aCase()) => ({ case: c, target: {}, users: [] });

const dialog = (id: keyof typeof commandForms, c = aCase(), onReload = jest.fn()) => (
  <CommandDialog spec={commandForms[id]} context={context(c)} onClose={() => undefined} onReload={onReload} />
);

describe('the command forms', () => {
  it("refuses with the domain's own words what the api would refuse, and sends nothing", async () => {
    const sent = jest.fn();
    renderWithApp(dialog('makeDecision'), {
      mocks: [
        { request: { query: MakeDecisionMutation, variables: () => true }, result: () => (sent(), { data: null }) },
      ],
    });
    await userEvent.type(screen.getByLabelText('Option chosen'), '   ');
    await userEvent.click(screen.getByRole('button', { name: "Record the patient's decision" }));
    expect(await screen.findByText('Must not be empty')).toBeInTheDocument();
    expect(sent).not.toHaveBeenCalled();
  });

  it('checks every item of a records request, by its place in the list', async () => {
    const c = aCase({ requests: [opinionRequest()] });
    renderWithApp(dialog('requestRecords', c));
    await userEvent.click(screen.getByRole('button', { name: 'Add another item' }));
    const descriptions = screen.getAllByLabelText('Description');
    const holders = screen.getAllByLabelText('Held by');
    await userEvent.type(descriptions[0]!, 'Copy of the record');
    await userEvent.type(holders[0]!, 'Riverside General');
    await userEvent.type(holders[1]!, 'Riverside Imaging');
    await userEvent.type(descriptions[1]!, 'x'.repeat(501));
    await userEvent.click(screen.getByRole('button', { name: 'Request records' }));
    expect(await screen.findByText('Must have at most 500 characters (got 501)')).toBeInTheDocument();
    expect(descriptions[1]).toHaveAttribute('aria-invalid', 'true');
    expect(descriptions[0]).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('sends the version the user saw and a command id; a CONFLICT says the case changed and offers a reload', async () => {
    let variables: Record<string, unknown> | undefined;
    const onReload = jest.fn();
    renderWithApp(dialog('makeDecision', aCase({ version: 7 }), onReload), {
      mocks: [
        {
          request: {
            query: MakeDecisionMutation,
            variables: (given: Record<string, unknown>) => ((variables = given), true),
          },
          result: {
            errors: [new GraphQLError('The case is at version 8, not 7', { extensions: { code: 'CONFLICT' } })],
          },
        },
      ],
    });
    await userEvent.type(screen.getByLabelText('Option chosen'), 'Surgery first');
    await userEvent.type(screen.getByLabelText("Why, in the patient's own words"), 'I want it done before winter.');
    await userEvent.click(screen.getByRole('button', { name: "Record the patient's decision" }));
    expect(await screen.findByText('This case changed since you opened it')).toBeInTheDocument();
    const input = variables?.input as Record<string, unknown>;
    expect(input).toMatchObject({
      caseId: aCase().id,
      expectedVersion: 7,
      optionChosen: 'Surgery first',
    });
    expect(input.commandId).toMatch(/^[0-9a-f-]{36}$/);
    await userEvent.click(screen.getByRole('button', { name: 'Reload the case' }));
    await waitFor(() => expect(onReload).toHaveBeenCalled());
  });
});
