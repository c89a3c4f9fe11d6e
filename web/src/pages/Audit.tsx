import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading } from 'suomifi-ui-components';
import { api, type AuditEntry } from '../api';
import { ErrorMessage, Loading } from '../components/Feedback';
import { RequireStaff } from '../components/RequireStaff';
import { DataTable, Scroll } from '../components/Table';
import { formatDate } from '../i18n';

function Log() {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = (after: number) =>
    api<{ entries: AuditEntry[]; next: number | null }>('GET', `/api/v1/audit?limit=100&after=${after}`)
      .then((r) => {
        setEntries((old) => [...(after ? (old ?? []) : []), ...r.entries]);
        setNext(r.next);
      })
      .catch(setError);
  useEffect(() => {
    document.title = t('audit.title') + ' – Reilu';
    void load(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <>
      <Heading variant="h1">{t('audit.title')}</Heading>
      <ErrorMessage error={error} />
      {!entries && !error && <Loading />}
      {entries && (
        <Scroll>
          <DataTable>
            <caption>{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.seq')}</th>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.target')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq}>
                  <td>{e.seq}</td>
                  <td>{formatDate(e.at, true)}</td>
                  <td>{e.actor_id || '–'}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.recruitment_id ? `#${e.recruitment_id}` : ''} {e.application_id.slice(0, 8)}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </Scroll>
      )}
      {next !== null && (
        <Button variant="secondary" onClick={() => void load(next)}>
          {t('audit.more')}
        </Button>
      )}
    </>
  );
}

export function Audit() {
  return (
    <RequireStaff>
      <Log />
    </RequireStaff>
  );
}
