import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo, useState } from 'react';
import { renderWithApp } from '../../../../test/render';
import { usePaletteActions } from '../hooks/usePaletteActions';
import { CommandPalette } from './CommandPalette';

let renders = 0;

const Page = ({ group, label }: { group: string; label: string }) => {
  const [done, setDone] = useState(false);
  renders += 1;
  const actions = useMemo(() => [{ id: label, label, group, onClick: () => setDone(true) }], [group, label]);
  usePaletteActions(actions);
  return <p>{done ? `${label}: done` : `${label}: waiting`}</p>;
};

describe('the command palette', () => {
  it('offers what every mounted page registers, and runs the chosen action from the keyboard', async () => {
    renders = 0;
    renderWithApp(
      <>
        <Page group="Pages" label="Go to outcomes" />
        <Page group="This case" label="Add a note" />
        <CommandPalette />
      </>,
    );
    await userEvent.keyboard('{Control>}k{/Control}');
    const search = await screen.findByRole('textbox', { name: 'Search actions' });
    expect(screen.getByText('Go to outcomes')).toBeInTheDocument();
    await userEvent.type(search, 'note');
    expect(screen.queryByText('Go to outcomes')).not.toBeInTheDocument();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(await screen.findByText('Add a note: done')).toBeInTheDocument();
    // Two pages registering must settle, not re-render each other forever.
    expect(renders).toBeLessThan(20);
  });
});
