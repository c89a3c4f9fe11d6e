import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button, DropdownItem, Heading, TextInput } from 'suomifi-ui-components';
import { Dropdown } from '../components/Dropdown';
import { Row } from '../components/FormLayout';
import { api, type Recruitment } from '../api';
import { ErrorMessage, Loading } from '../components/Feedback';
import { AppLink } from '../components/Layout';
import { PendingRelay } from '../components/PendingRelay';
import { RequireStaff } from '../components/RequireStaff';
import { DataTable, Scroll } from '../components/Table';
import { formatDate, localized } from '../i18n';
import { useSession } from '../session';

// Each recruitment with where it stands and how many applied (a count; reviewers see it after the
// application period).
interface Listed extends Recruitment {
  stage: string;
  applications?: number;
}
const STAGES = ['draft', 'collecting', 'screening', 'shortlisted', 'decided'];
const ORDERS = ['deadline', 'title', 'stage'] as const;

function List() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const [list, setList] = useState<Listed[] | null>(null);
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<(typeof ORDERS)[number]>('deadline');
  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    const found = (list ?? []).filter((r) => !q || Object.values(r.title).some((x) => x.toLocaleLowerCase().includes(q)));
    return [...found].sort((a, b) =>
      order === 'title'
        ? localized(a.title).localeCompare(localized(b.title))
        : order === 'stage'
          ? STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || b.deadline - a.deadline
          : b.deadline - a.deadline,
    );
  }, [list, query, order]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    document.title = t('staff.recruitments') + ' – Reilu';
    api<{ recruitments: Listed[] }>('GET', '/api/v1/recruitments')
      .then((r) => setList(r.recruitments))
      .catch(setError);
  }, [t]);
  return (
    <>
      <Heading variant="h1">{t('staff.recruitments')}</Heading>
      {me?.user.role === 'hr' && <PendingRelay />}
      {me?.user.role === 'hr' && <Button onClick={() => navigate('/staff/recruitments/new')}>{t('staff.new')}</Button>}
      <ErrorMessage error={error} />
      {!list && !error && <Loading />}
      {list && list.length === 0 && <p>{t('staff.none')}</p>}
      {list && list.length > 0 && (
        <Row role="search" aria-label={t('staff.search')}>
          <TextInput labelText={t('staff.search')} hintText={t('staff.searchHint')} value={query}
            onChange={(v) => setQuery(String(v ?? ''))} />
          <Dropdown labelText={t('staff.order')} value={order} onChange={(v) => setOrder(v as (typeof ORDERS)[number])}>
            {ORDERS.map((o) => (
              <DropdownItem key={o} value={o}>
                {t(`staff.order_${o}`)}
              </DropdownItem>
            ))}
          </Dropdown>
        </Row>
      )}
      {list && list.length > 0 && <p role="status">{t('staff.shown', { count: shown.length, total: list.length })}</p>}
      {list && list.length > 0 && (
        <Scroll>
          <DataTable>
            <caption>{t('staff.recruitments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('editor.title')}</th>
                <th scope="col">{t('staff.stage')}</th>
                <th scope="col">{t('staff.applications')}</th>
                <th scope="col">{t('common.deadline')}</th>
                <th scope="col">{t('anonymous.marker')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.id}>
                  <td>
                    <AppLink to={r.state === 'draft' ? `/staff/recruitments/${r.id}/edit` : `/staff/recruitments/${r.id}`}>
                      {localized(r.title)}
                    </AppLink>
                  </td>
                  <td>{t(`desk.stage_${r.stage}`)}</td>
                  <td>{r.applications ?? '–'}</td>
                  <td>{formatDate(r.deadline)}</td>
                  <td>{r.anonymous ? t('common.yes') : t('common.no')}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </Scroll>
      )}
    </>
  );
}

export function Recruitments() {
  return (
    <RequireStaff>
      <List />
    </RequireStaff>
  );
}
