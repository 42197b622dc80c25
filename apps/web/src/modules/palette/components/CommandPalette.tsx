import { Spotlight } from '@mantine/spotlight';
import type { SpotlightActionGroupData } from '@mantine/spotlight';
import { usePaletteRegistry } from '../hooks/usePaletteActions';

/** Ctrl/Cmd-K: every action of the current page and case, by name. */
export const CommandPalette = () => {
  const { actions } = usePaletteRegistry();
  const groups = new Map<string, SpotlightActionGroupData>();
  for (const action of actions) {
    const group = groups.get(action.group) ?? { group: action.group, actions: [] };
    group.actions.push({
      id: action.id,
      label: action.label,
      ...(action.description ? { description: action.description } : {}),
      keywords: action.keywords ?? [],
      onClick: action.onClick,
    });
    groups.set(action.group, group);
  }
  return (
    <Spotlight
      actions={[...groups.values()]}
      shortcut={['mod + K']}
      nothingFound="No action by that name here"
      highlightQuery
      scrollable
      maxHeight={420}
      searchProps={{ placeholder: 'What do you want to do?', 'aria-label': 'Search actions' }}
    />
  );
};
