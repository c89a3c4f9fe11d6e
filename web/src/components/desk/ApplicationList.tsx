// The desk's list of applications at real size (hundreds): search, a status filter, an order and
// pages of twenty, with a compact table of the page above its cards. Works on the applications the
// desk already holds (the server gives each role only what it may see), so it shows nothing new.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import styled from 'styled-components';
import { Button, DropdownItem, TextInput } from 'suomifi-ui-components';
import { Dropdown } from '../Dropdown';
import type { ApplicationView, Criterion, RankingEntry } from '../../api';
import { formatNumber, localized } from '../../i18n';
import { DataTable, Scroll } from '../Table';

export const PAGE_SIZE = 20;
const FILTERS = ['all', 'unreleased', 'released', 'shortlisted', 'lifted', 'withdrawn'] as const;
type Filter = (typeof FILTERS)[number];
const ORDERS = ['pseudonym', 'status', 'score'] as const;
type Order = (typeof ORDERS)[number];

// What needs the owner's hand comes first: texts to check, then released, chosen, lifted, withdrawn.
function statusRank(a: ApplicationView, shortlisted: Set<string>) {
  if (a.withdrawn) return 4;
  if (a.lifted) return 3;
  if (shortlisted.has(a.id)) return 2;
  return a.free_text ? 1 : 0;
}

function passes(a: ApplicationView, filter: Filter, shortlisted: Set<string>) {
  switch (filter) {
    case 'unreleased':
      return !a.free_text && !a.withdrawn;
    case 'released':
      return Boolean(a.free_text);
    case 'shortlisted':
      return shortlisted.has(a.id);
    case 'lifted':
      return Boolean(a.lifted);
    case 'withdrawn':
      return Boolean(a.withdrawn);
    default:
      return true;
  }
}

// The words a user may look for: the pseudonym, the released text, and the name once it is shown.
function searchable(a: ApplicationView) {
  const parts = [a.pseudonym, a.free_text?.cover_letter ?? '', ...(a.free_text?.answers ?? []).map((x) => x.text)];
  if (a.identity) parts.push(a.identity.first_name, a.identity.last_name);
  return parts.join('\n').toLocaleLowerCase();
}

// `ranking`: the scores so far, where the caller may see them (the owner, once scoring has begun).
export function useApplicationList(apps: ApplicationView[], shortlisted: Set<string>, ranking: RankingEntry[] = []) {
  const scoreOf = useMemo(() => new Map(ranking.map((e) => [e.application_id, e])), [ranking]);
  const [query, setQueryRaw] = useState('');
  const [filter, setFilterRaw] = useState<Filter>('all');
  const [order, setOrderRaw] = useState<Order>('pseudonym');
  const [page, setPage] = useState(0);
  // One application at a time ("3 / 50", next and previous) or pages of PAGE_SIZE.
  const [single, setSingleRaw] = useState(false);
  const size = single ? 1 : PAGE_SIZE;
  const matching = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    const found = apps.filter((a) => passes(a, filter, shortlisted) && (!q || searchable(a).includes(q)));
    if (order === 'status') {
      return [...found].sort((x, y) => statusRank(x, shortlisted) - statusRank(y, shortlisted));
    }
    if (order === 'score') {
      // Highest weighted score first; the unscored last, in their own order.
      const score = (a: ApplicationView) => scoreOf.get(a.id)?.weighted_score ?? -1;
      return [...found].sort((x, y) => score(y) - score(x));
    }
    return found;
  }, [apps, query, filter, order, shortlisted, scoreOf]);
  const pages = Math.max(1, Math.ceil(matching.length / size));
  const current = Math.min(page, pages - 1);
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(0);
  };
  return {
    query,
    setQuery: reset(setQueryRaw),
    filter,
    setFilter: reset(setFilterRaw),
    order,
    setOrder: reset(setOrderRaw),
    page: current,
    setPage,
    single,
    // Switching keeps the place: the first application of the page, or the page of the one shown.
    setSingle: (on: boolean) => {
      setPage(on ? current * PAGE_SIZE : Math.floor(current / PAGE_SIZE));
      setSingleRaw(on);
    },
    size,
    pages,
    total: apps.length,
    matching,
    items: matching.slice(current * size, (current + 1) * size),
    shortlisted,
    scoreOf,
  };
}
export type ApplicationList = ReturnType<typeof useApplicationList>;

const Bar = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: 12px 24px;
  align-items: flex-end;
  margin: 12px 0;
`;

// Search, filter and order, with the number found said aloud when it changes.
export function ApplicationToolbar({ list }: { list: ApplicationList }) {
  const { t } = useTranslation();
  return (
    <>
      <Bar role="search" aria-label={t('deskList.search')}>
        <TextInput labelText={t('deskList.search')} hintText={t('deskList.searchHint')} value={list.query}
          onChange={(v) => list.setQuery(String(v ?? ''))} />
        <Dropdown labelText={t('deskList.filter')} value={list.filter} onChange={(v) => list.setFilter(v as Filter)}>
          {FILTERS.map((f) => (
            <DropdownItem key={f} value={f}>
              {t(`deskList.filter_${f}`)}
            </DropdownItem>
          ))}
        </Dropdown>
        <Dropdown labelText={t('deskList.order')} value={list.order} onChange={(v) => list.setOrder(v as Order)}>
          {ORDERS.map((o) => (
            <DropdownItem key={o} value={o}>
              {t(`deskList.order_${o}`)}
            </DropdownItem>
          ))}
        </Dropdown>
        <Button variant="secondary" aria-pressed={list.single} onClick={() => list.setSingle(!list.single)}>
          {t('deskList.single')}
        </Button>
      </Bar>
      <p role="status" className="list-count">
        {list.matching.length === 0
          ? t('deskList.none')
          : t('deskList.showing', {
              from: formatNumber(list.page * list.size + 1),
              to: formatNumber(Math.min((list.page + 1) * list.size, list.matching.length)),
              count: list.matching.length,
              total: formatNumber(list.total),
            })}
      </p>
    </>
  );
}

// The page's applications as one row each; the pseudonym leads to its card below. With scores:
// the weighted score, each criterion's mean and how many reviewers have scored it.
export function ApplicationTable({ list, criteria = [] }: { list: ApplicationList; criteria?: Criterion[] }) {
  const { t } = useTranslation();
  if (list.items.length === 0) return null;
  const scored = list.scoreOf.size > 0;
  const mean = (a: ApplicationView, criterion: string) => {
    const c = list.scoreOf.get(a.id)?.criteria?.find((x) => x.criterion_id === criterion);
    return c && c.count > 0 ? formatNumber(c.mean) : '–';
  };
  const state = (a: ApplicationView) =>
    a.withdrawn
      ? t('desk.withdrawn')
      : a.lifted
        ? t('desk.lifted')
        : list.shortlisted.has(a.id)
          ? t('desk.shortlist')
          : a.free_text
            ? t('deskList.filter_released')
            : t('deskList.filter_unreleased');
  return (
    <Scroll>
      <DataTable>
        <caption>{t('deskList.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('desk.pseudonym')}</th>
            <th scope="col">{t('deskList.state')}</th>
            {scored && <th scope="col">{t('desk.weighted')}</th>}
            {scored && criteria.map((c) => <th key={c.id} scope="col">{localized(c.title)}</th>)}
            {scored && <th scope="col">{t('deskList.reviewers')}</th>}
          </tr>
        </thead>
        <tbody>
          {list.items.map((a) => (
            <tr key={a.id}>
              <td>
                <a href={`#app-${a.id}`}>{a.pseudonym}</a>
              </td>
              <td>{state(a)}</td>
              {scored && <td>{list.scoreOf.has(a.id) ? formatNumber(list.scoreOf.get(a.id)!.weighted_score) : '–'}</td>}
              {scored && criteria.map((c) => <td key={c.id}>{mean(a, c.id)}</td>)}
              {scored && (
                <td>
                  {list.scoreOf.get(a.id)?.reviewers ?? 0}
                  {list.scoreOf.get(a.id)?.complete ? '' : ` (${t('deskList.incomplete')})`}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </DataTable>
    </Scroll>
  );
}

export function ApplicationPager({ list }: { list: ApplicationList }) {
  const { t } = useTranslation();
  if (list.pages <= 1) return null;
  // One at a time, the next application's heading takes the focus (its place is said there).
  const go = (page: number) => {
    list.setPage(page);
    if (list.single) window.setTimeout(() => document.querySelector<HTMLElement>('article h3')?.focus(), 0);
  };
  return (
    <nav aria-label={t('deskList.pages')}>
      <Bar>
        <Button variant="secondary" disabled={list.page === 0} onClick={() => go(list.page - 1)}>
          {t(list.single ? 'deskList.previousOne' : 'deskList.previous')}
        </Button>
        <span>
          {list.single
            ? t('deskList.one', { n: list.page + 1, count: list.pages })
            : t('deskList.page', { page: list.page + 1, pages: list.pages })}
        </span>
        <Button variant="secondary" disabled={list.page >= list.pages - 1} onClick={() => go(list.page + 1)}>
          {t(list.single ? 'deskList.nextOne' : 'deskList.next')}
        </Button>
      </Bar>
    </nav>
  );
}
