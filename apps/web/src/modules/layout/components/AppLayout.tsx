import { AppShell, Badge, Button, Group, Kbd, Text, UnstyledButton } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { useMemo } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useUser } from '../../auth/hooks/useSession';
import { useSignOut, useSignOutWhenIdle } from '../../auth/hooks/useSignOut';
import { CommandPalette } from '../../palette/components/CommandPalette';
import { usePaletteActions } from '../../palette/hooks/usePaletteActions';
import type { PaletteAction } from '../../palette/hooks/usePaletteActions';
import type { Role } from '../../../gql/graphql';
import { roleLabel } from '../../shared/labels';
import classes from './AppLayout.module.css';

const pages = (role: Role) => [
  { to: '/', label: 'Caseload' },
  { to: '/outcomes', label: 'Outcomes' },
  ...(role !== 'CASE_MANAGER' ? [{ to: '/access-log', label: 'Access log' }] : []),
  ...(role === 'SUPERVISOR' ? [{ to: '/accounts', label: 'Accounts' }] : []),
];

/** The frame of every signed-in page: where you are, who you are, the palette, sign out. */
export const AppLayout = () => {
  const user = useUser();
  const signOut = useSignOut();
  useSignOutWhenIdle();
  const navigate = useNavigate();
  const links = useMemo(() => pages(user.role), [user.role]);
  const actions = useMemo<PaletteAction[]>(
    () => [
      ...links.map((link) => ({
        id: `go-${link.to}`,
        label: `Go to ${link.label.toLowerCase()}`,
        group: 'Pages',
        onClick: () => void navigate(link.to),
      })),
      { id: 'sign-out', label: 'Sign out', group: 'Pages', onClick: () => void signOut() },
    ],
    [links, navigate, signOut],
  );
  usePaletteActions(actions);

  return (
    <AppShell header={{ height: 56 }} padding="md" className={classes.shell}>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Text fw={700} component="span">
              Second Opinion Tracker
            </Text>
            <nav aria-label="Main">
              <Group gap={4}>
                {links.map((link) => (
                  <NavLink key={link.to} to={link.to} end className={classes.link}>
                    {link.label}
                  </NavLink>
                ))}
              </Group>
            </nav>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <UnstyledButton
              onClick={() => spotlight.open()}
              className={classes.palette}
              aria-label="Actions Ctrl K: open the command palette"
            >
              Actions <Kbd size="xs">Ctrl</Kbd> <Kbd size="xs">K</Kbd>
            </UnstyledButton>
            <Text size="sm" component="span">
              {user.displayName}
            </Text>
            <Badge
              variant="light"
              color={user.role === 'AUDITOR' ? 'grape' : user.role === 'SUPERVISOR' ? 'teal' : 'indigo'}
            >
              {roleLabel[user.role]}
            </Badge>
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
      <CommandPalette />
    </AppShell>
  );
};
