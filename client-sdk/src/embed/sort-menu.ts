import { isThreadSort, THREAD_SORTS, type ThreadSort } from '../../../protocol/comment.js';
import { el, uniqueId } from './create-element.js';
import type { Strings } from './i18n.js';

export interface SortMenu {
  element: HTMLElement;
  /** The order shown now. */
  readonly sort: ThreadSort;
}

/** Where the reader's order is remembered: one choice per site, for every article. */
export const sortStorageKey = (siteId: string) => `palabre.sort.${siteId}`;

/**
 * "Trier par": a native select (keyboard and screen readers know it) with the four orders.
 * The reader's choice is remembered on this browser and wins over the page's `data-sort`.
 */
export function sortMenu(opts: {
  t: Strings;
  siteId: string;
  fallback: ThreadSort;
  storage: Storage | undefined;
  onChange: (sort: ThreadSort) => void;
}): SortMenu {
  const { t, storage } = opts;
  const key = sortStorageKey(opts.siteId);
  let remembered: string | null = null;
  try {
    remembered = storage?.getItem(key) ?? null;
  } catch {
    // storage blocked: the page's order applies
  }
  let sort: ThreadSort = isThreadSort(remembered) ? remembered : opts.fallback;
  const id = uniqueId('sort');
  const select = el('select', { className: 'pal-sort', attrs: { id } });
  for (const value of THREAD_SORTS) {
    const option = el('option', { text: t.sorts[value] });
    option.value = value;
    select.append(option);
  }
  select.value = sort;
  select.addEventListener('change', () => {
    if (!isThreadSort(select.value) || select.value === sort) return;
    sort = select.value;
    try {
      storage?.setItem(key, sort);
    } catch {
      // not remembered: the choice holds for this page
    }
    opts.onChange(sort);
  });
  const element = el('div', { className: 'pal-sort-bar' }, [el('label', { text: t.sortLabel, attrs: { for: id } }), select]);
  return {
    element,
    get sort() {
      return sort;
    },
  };
}
