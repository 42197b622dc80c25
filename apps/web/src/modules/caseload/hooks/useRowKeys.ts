import { useHotkeys } from '@mantine/hooks';
import type { RefObject } from 'react';

const links = (container: HTMLElement | null): HTMLElement[] =>
  container ? [...container.querySelectorAll<HTMLElement>('[data-case-link]')] : [];

/**
 * j and k move between the rows (focusing the row's link, so Enter opens the case and a screen
 * reader hears the patient), `/` goes to the search box. Ignored while typing in a field.
 */
export const useRowKeys = (container: RefObject<HTMLElement | null>, search: RefObject<HTMLInputElement | null>) => {
  const move = (step: number) => {
    const all = links(container.current);
    if (all.length === 0) {
      return;
    }
    const current = all.findIndex((link) => link === document.activeElement);
    const next =
      current === -1 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, current + step));
    all[next]?.focus();
    all[next]?.scrollIntoView({ block: 'nearest' });
  };
  useHotkeys([
    ['j', () => move(1)],
    ['k', () => move(-1)],
    ['/', () => search.current?.focus(), { preventDefault: true }],
  ]);
};
