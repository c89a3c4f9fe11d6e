import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { api } from '../api';
import { formatDate } from '../i18n';
import { ErrorMessage } from './Feedback';

interface Pending {
  host: string;
  port: number;
  from_address: string;
  proposed_at: number;
  yours: boolean;
}

// A proposed change of the mail server that sends applicants' mail (receipts, status links) waits
// for a second person: admins and HR specialists see it here and may confirm it.
export function PendingRelay({ onChange }: { onChange?: () => void }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState('');
  const [error, setError] = useState<unknown>(null);
  const load = () =>
    api<{ pending: Pending | null }>('GET', '/api/v1/admin/mail-settings')
      .then((s) => setPending(s.pending))
      .catch(() => setPending(null));
  useEffect(() => {
    void load();
  }, []);
  const confirm = async () => {
    setError(null);
    try {
      await api('POST', '/api/v1/admin/mail-settings/confirm', {});
      setDone(t('relay.confirmed'));
      await load();
      onChange?.();
    } catch (e) {
      setError(e);
    }
  };
  if (!pending) return done ? <p role="status">{done}</p> : null;
  return (
    <InlineAlert status="warning" labelText={t('relay.title')}>
      <Paragraph>
        {t('relay.text', {
          server: `${pending.host}:${pending.port}`,
          from: pending.from_address,
          date: formatDate(pending.proposed_at),
        })}
      </Paragraph>
      {pending.yours ? (
        <Paragraph>{t('relay.waiting')}</Paragraph>
      ) : (
        <Button variant="secondary" onClick={() => void confirm()}>
          {t('relay.confirm')}
        </Button>
      )}
      <ErrorMessage error={error} />
    </InlineAlert>
  );
}
