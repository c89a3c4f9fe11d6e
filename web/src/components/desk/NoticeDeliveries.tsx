import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading } from 'suomifi-ui-components';
import { api } from '../../api';
import { ErrorMessage } from '../Feedback';
import { Panel } from '../Panel';
import { DataTable, Scroll } from '../Table';
import { formatDate } from '../../i18n';

interface Delivery {
  application_id: string;
  pseudonym: string;
  outcome: string;
  email: 'queued' | 'sent' | 'failed' | null;
  email_sent_at: number | null;
  opened_at: number | null;
  letter_sent_at: number | null;
}

// How the decision notice reached each applicant: the e-mail, the first look at the status link
// after the decision, and a letter where the e-mail could not do (recorded here).
export function NoticeDeliveries({ base }: { base: string }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Delivery[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    () => api<{ deliveries: Delivery[] }>('GET', `${base}/notice-deliveries`).then((r) => setRows(r.deliveries)).catch(setError),
    [base],
  );
  useEffect(() => {
    void load();
  }, [load]);
  if (!rows) return <ErrorMessage error={error} />;
  const when = (at: number | null) => (at ? formatDate(at, true) : '–');
  return (
    <Panel aria-labelledby="deliveries-title">
      <Heading variant="h2" id="deliveries-title">
        {t('delivery.title')}
      </Heading>
      <Scroll>
        <DataTable>
          <caption>{t('delivery.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('desk.pseudonym')}</th>
              <th scope="col">{t('delivery.outcome')}</th>
              <th scope="col">{t('delivery.email')}</th>
              <th scope="col">{t('delivery.opened')}</th>
              <th scope="col">{t('delivery.letter')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.application_id}>
                <th scope="row">{r.pseudonym}</th>
                <td>{t(`status.${r.outcome}`)}</td>
                <td>{r.email ? `${t(`delivery.email_${r.email}`)} ${r.email_sent_at ? when(r.email_sent_at) : ''}` : '–'}</td>
                <td>{when(r.opened_at)}</td>
                <td>
                  {r.letter_sent_at ? (
                    when(r.letter_sent_at)
                  ) : (
                    <Button
                      variant="secondaryNoBorder"
                      onClick={() => void api('POST', `${base}/applications/${r.application_id}/notice-letter`, {}).then(load).catch(setError)}
                    >
                      {t('delivery.markLetter')}: {r.pseudonym}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </Scroll>
      <ErrorMessage error={error} />
    </Panel>
  );
}
