import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button, Heading } from 'suomifi-ui-components';
import { api, type Recruitment } from '../api';
import { ErrorMessage, Loading } from '../components/Feedback';
import { AppLink } from '../components/Layout';
import { PendingRelay } from '../components/PendingRelay';
import { RequireStaff } from '../components/RequireStaff';
import { DataTable, Scroll } from '../components/Table';
import { formatDate, localized } from '../i18n';
import { useSession } from '../session';

function List() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const [list, setList] = useState<Recruitment[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    document.title = t('staff.recruitments') + ' – Reilu';
    api<{ recruitments: Recruitment[] }>('GET', '/api/v1/recruitments')
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
        <Scroll>
          <DataTable>
            <caption>{t('staff.recruitments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('editor.title')}</th>
                <th scope="col">{t('staff.state')}</th>
                <th scope="col">{t('common.deadline')}</th>
                <th scope="col">{t('anonymous.marker')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.id}>
                  <td>
                    <AppLink to={r.state === 'draft' ? `/staff/recruitments/${r.id}/edit` : `/staff/recruitments/${r.id}`}>
                      {localized(r.title)}
                    </AppLink>
                  </td>
                  <td>{t(`staff.${r.state}`)}</td>
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
