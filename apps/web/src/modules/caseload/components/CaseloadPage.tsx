import { useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Select, Stack, Tabs, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { OpenCaseButton } from '../../actions/components/OpenCaseButton';
import { useUser } from '../../auth/hooks/useSession';
import { usePaletteActions } from '../../palette/hooks/usePaletteActions';
import type { PaletteAction } from '../../palette/hooks/usePaletteActions';
import { errorMessage } from '../../shared/errors';
import { useNames } from '../../users/useNames';
import { CaseloadCountsQuery, CaseloadQuery } from '../graphql/caseload';
import { useLiveCaseload } from '../hooks/useLiveCaseload';
import { useRowKeys } from '../hooks/useRowKeys';
import { caseloadViews, filterFor, pageRange, readLocation, viewCount, writeLocation } from '../views';
import type { CaseloadLocation, ViewId } from '../views';
import { CaseloadTable } from './CaseloadTable';
import type { CaseloadRow } from './CaseloadTable';
import { ReassignBar } from './ReassignBar';

export const PAGE_SIZE = 50;

/**
 * Marks when a caseload answer arrives and when its rows are on screen (Performance API), so the
 * browser test can report how long a page of rows takes to render. Costs two marks per answer.
 */
const useRenderTiming = (data: unknown) => {
  const seen = useRef<unknown>(undefined);
  if (data !== undefined && data !== seen.current) {
    seen.current = data;
    performance.mark('caseload-data');
  }
  useEffect(() => {
    if (data !== undefined) {
      performance.measure('caseload-render', 'caseload-data');
    }
  }, [data]);
};

/** The caseload: the saved views with their counts, search, paging and live updates, all in the URL. */
export const CaseloadPage = () => {
  const user = useUser();
  const { name, users } = useNames();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const location = readLocation(params);
  const [previous, setPrevious] = useState<(string | undefined)[]>([]);
  const [selected, setSelected] = useState<CaseloadRow[]>([]);
  const [opening, setOpening] = useState(false);
  const [searchText, setSearchText] = useState(location.search);
  const table = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  useRowKeys(table, search);

  const go = (next: Partial<Omit<CaseloadLocation, 'view'>> & { view?: ViewId }, keepPage = false) => {
    if (!keepPage) {
      setPrevious([]);
    }
    setSelected([]);
    setParams(writeLocation({ ...location, after: undefined, view: location.view.id, ...next }));
  };
  const list = useQuery(CaseloadQuery, {
    variables: { first: PAGE_SIZE, after: location.after ?? null, filter: filterFor(location), orderBy: 'URGENCY' },
    fetchPolicy: 'cache-and-network',
  });
  const counts = useQuery(CaseloadCountsQuery, {
    variables: { caseManagerId: location.manager ?? null, search: location.search || null },
    fetchPolicy: 'cache-and-network',
  });
  const live = useLiveCaseload(() => Promise.all([list.refetch(), counts.refetch()]));
  const searchLater = useDebouncedCallback((text: string) => go({ search: text.trim() }), 300);

  const rows = list.data?.cases.edges.map((edge) => edge.node) ?? [];
  useRenderTiming(list.data);
  const total = list.data?.cases.totalCount ?? 0;
  const firstIndex = previous.length * PAGE_SIZE;
  const canWrite = user.role !== 'AUDITOR';
  const managers = users.filter((u) => u.role === 'CASE_MANAGER').map((u) => ({ value: u.id, label: u.displayName }));

  const paletteActions = useMemo<PaletteAction[]>(
    () => [
      ...caseloadViews.map((view) => ({
        id: `view-${view.id}`,
        label: `Show: ${view.label}`,
        group: 'Caseload',
        onClick: () => void navigate(view.id === 'all' ? '/' : `/?view=${view.id}`),
      })),
      ...(canWrite
        ? [{ id: 'open-case', label: 'Open a case', group: 'Caseload', onClick: () => setOpening(true) }]
        : []),
    ],
    [canWrite, navigate],
  );
  usePaletteActions(paletteActions);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {location.manager
            ? `${name(location.manager)}: caseload`
            : user.role === 'CASE_MANAGER'
              ? 'My caseload'
              : 'All caseloads'}
        </Title>
        {canWrite && (
          <OpenCaseButton opened={opening} onOpen={() => setOpening(true)} onClose={() => setOpening(false)} />
        )}
      </Group>
      <Tabs value={location.view.id} onChange={(view) => go({ view: (view ?? 'all') as ViewId })} keepMounted={false}>
        <Tabs.List aria-label="Saved views">
          {caseloadViews.map((view) => (
            <Tabs.Tab key={view.id} value={view.id}>
              {view.label}{' '}
              <Text span fw={700}>
                {viewCount(counts.data?.caseloadCounts, view)}
              </Text>
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Group align="flex-end">
        <TextInput
          ref={search}
          label="Search"
          description="Name, record number or condition. Press / to search, j and k to move, Enter to open."
          placeholder="Search patients"
          value={searchText}
          onChange={(event) => {
            setSearchText(event.currentTarget.value);
            searchLater(event.currentTarget.value);
          }}
          w={420}
        />
        {user.role !== 'CASE_MANAGER' && (
          <Select
            label="Case manager"
            placeholder="Everyone"
            data={[{ value: user.id, label: 'Mine' }, ...managers]}
            value={location.manager ?? null}
            onChange={(manager) => go({ manager: manager ?? undefined })}
            clearable
            searchable
          />
        )}
      </Group>
      {list.error && (
        <Alert color="red" title="The caseload could not be loaded">
          {errorMessage(list.error)}
        </Alert>
      )}
      {user.role === 'SUPERVISOR' && selected.length > 0 && (
        <ReassignBar
          selected={selected}
          managers={managers}
          onDone={() => {
            setSelected([]);
            void list.refetch();
            void counts.refetch();
          }}
        />
      )}
      <div ref={table}>
        <CaseloadTable
          rows={rows}
          fetching={list.loading && !list.data}
          managerName={name}
          changed={live.changed}
          selectable={user.role === 'SUPERVISOR'}
          selected={selected}
          onSelectedChange={setSelected}
        />
      </div>
      <VisuallyHidden role="status" aria-live="polite">
        {live.announcement}
      </VisuallyHidden>
      <Group justify="space-between">
        <Text size="sm">{pageRange(firstIndex, rows.length, total, list.data?.cases.totalCountIsExact ?? true)}</Text>
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            disabled={previous.length === 0 && !location.after}
            onClick={() => {
              const back = previous.at(-1);
              setPrevious(previous.slice(0, -1));
              go({ after: back }, true);
            }}
          >
            Previous page
          </Button>
          <Button
            variant="default"
            size="xs"
            disabled={!list.data?.cases.pageInfo.hasNextPage}
            onClick={() => {
              setPrevious([...previous, location.after]);
              go({ after: list.data?.cases.pageInfo.endCursor ?? undefined }, true);
            }}
          >
            Next page
          </Button>
        </Group>
      </Group>
    </Stack>
  );
};
