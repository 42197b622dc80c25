import { useQuery } from '@apollo/client/react';
import { createContext, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { CaseFieldsFragment } from '../../../gql/graphql';
import { useUser } from '../../auth/hooks/useSession';
import { usePaletteActions } from '../../palette/hooks/usePaletteActions';
import type { PaletteAction } from '../../palette/hooks/usePaletteActions';
import { AssignableUsersQuery } from '../../users/graphql/users';
import { availableActions } from '../availability';
import type { ActionId } from '../availability';
import { commandForms } from '../forms';
import type { FormTarget } from '../forms';
import { CommandDialog } from './CommandDialog';

type Launcher = { available: ReadonlySet<ActionId>; open: (id: ActionId, target?: FormTarget) => void };

const LauncherContext = createContext<Launcher>({ available: new Set(), open: () => undefined });

/** Buttons anywhere on the case page start an action through this. */
export const useCaseActions = (): Launcher => useContext(LauncherContext);

/**
 * The actions the case's state allows the user, offered on the page and in the palette; one
 * dialog at a time. Read-only roles get none.
 */
export const CaseActions = ({
  c,
  onReload,
  children,
}: {
  c: CaseFieldsFragment;
  onReload: () => void;
  children: ReactNode;
}) => {
  const user = useUser();
  const [active, setActive] = useState<{ id: ActionId; target: FormTarget } | undefined>();
  const ids = useMemo(() => availableActions(c, user.role), [c, user.role]);
  const users = useQuery(AssignableUsersQuery, { skip: !ids.includes('assignCaseManager') });
  const launcher = useMemo<Launcher>(
    () => ({ available: new Set(ids), open: (id, target = {}) => setActive({ id, target }) }),
    [ids],
  );
  const paletteActions = useMemo<PaletteAction[]>(
    () =>
      ids.map((id) => ({
        id: `case-${id}`,
        label: commandForms[id].label,
        description: `${c.patient.name}: ${commandForms[id].group.toLowerCase()}`,
        group: 'This case',
        keywords: [id, commandForms[id].group],
        onClick: () => setActive({ id, target: {} }),
      })),
    [ids, c.patient.name],
  );
  usePaletteActions(paletteActions);

  return (
    <LauncherContext value={launcher}>
      {children}
      {active && (
        <CommandDialog
          key={`${active.id}-${JSON.stringify(active.target)}`}
          spec={commandForms[active.id]}
          context={{ case: c, target: active.target, users: users.data?.users ?? [] }}
          onClose={() => setActive(undefined)}
          onReload={onReload}
        />
      )}
    </LauncherContext>
  );
};
