import { createContext, useCallback, useContext, useEffect, useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';

export type PaletteAction = {
  id: string;
  label: string;
  description?: string;
  group: string;
  /** Extra words the search matches (a command's GraphQL name, say). */
  keywords?: string[];
  onClick: () => void;
};

type Registry = {
  actions: PaletteAction[];
  register: (owner: string, actions: PaletteAction[]) => void;
  unregister: (owner: string) => void;
};

const PaletteContext = createContext<Registry | undefined>(undefined);

/** Pages register what can be done where they are; the palette (Ctrl/Cmd-K) offers all of it. */
export const PaletteProvider = ({ children }: { children: ReactNode }) => {
  const [owners, setOwners] = useState<ReadonlyMap<string, PaletteAction[]>>(new Map());
  // Stable functions: a page's effect registers once per change of its actions, never in a loop.
  const register = useCallback(
    (owner: string, actions: PaletteAction[]) => setOwners((current) => new Map(current).set(owner, actions)),
    [],
  );
  const unregister = useCallback(
    (owner: string) =>
      setOwners((current) => {
        const next = new Map(current);
        next.delete(owner);
        return next;
      }),
    [],
  );
  const registry = useMemo<Registry>(
    () => ({ actions: [...owners.values()].flat(), register, unregister }),
    [owners, register, unregister],
  );
  return <PaletteContext value={registry}>{children}</PaletteContext>;
};

export const usePaletteRegistry = (): Registry => {
  const registry = useContext(PaletteContext);
  if (!registry) {
    throw new Error('usePaletteRegistry needs a PaletteProvider');
  }
  return registry;
};

/** Offers these actions in the palette while the calling component is mounted. */
export const usePaletteActions = (actions: PaletteAction[]): void => {
  const owner = useId();
  const { register, unregister } = usePaletteRegistry();
  useEffect(() => {
    register(owner, actions);
  }, [owner, actions, register]);
  useEffect(() => () => unregister(owner), [owner, unregister]);
};
