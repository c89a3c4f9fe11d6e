import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Textarea } from 'suomifi-ui-components';
import { api } from '../api';
import { formatDate } from '../i18n';
import { ErrorMessage } from './Feedback';

export interface Rectification {
  id: number;
  what?: string;
  received_at: number;
  answer_due: string;
  state: 'open' | 'corrected' | 'refused';
  answer?: string | null;
  answered_at: number | null;
  pseudonym?: string;
}

const kMin = 10;
const kMax = 4000;

// The applicant asks that data held about them be corrected (GDPR art. 16) and sees the answers.
export function RectificationRequests(props: {
  link: { reference: string; token: string };
  requests: Rectification[];
  onSent: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [what, setWhat] = useState('');
  const [sent, setSent] = useState<Rectification | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState(false);
  const send = async () => {
    setError(null);
    try {
      setSent(await api<Rectification>('POST', '/api/v1/applicant/rectification', { ...props.link, what }));
      setWhat('');
      setOpen(false);
      await props.onSent();
    } catch (e) {
      setError(e);
    }
  };
  const due = (r: Rectification) => formatDate(Date.parse(r.answer_due) / 1000);
  return (
    <section aria-labelledby="rectification-title">
      <Heading variant="h3" id="rectification-title">
        {t('rectification.title')}
      </Heading>
      <Paragraph>{t('rectification.intro')}</Paragraph>
      {props.requests.length > 0 && (
        <ul aria-label={t('rectification.yours')}>
          {props.requests.map((r) => (
            <li key={r.id}>
              {formatDate(r.received_at)}: {r.what} — <strong>{t(`rectification.state_${r.state}`)}</strong>
              {r.state === 'open' ? ` (${t('rectification.dueBy', { date: due(r) })})` : `: ${r.answer ?? ''}`}
            </li>
          ))}
        </ul>
      )}
      <p role="status">{sent ? t('rectification.received', { date: due(sent) }) : ''}</p>
      {open ? (
        <>
          <Textarea
            labelText={t('rectification.what')}
            hintText={t('rectification.whatHint', { min: kMin, max: kMax })}
            value={what}
            maxLength={kMax}
            onChange={(e) => setWhat(e.target.value)}
            fullWidth
          />
          <div>
            <Button disabled={what.trim().length < kMin} onClick={() => void send()}>
              {t('rectification.send')}
            </Button>{' '}
            <Button variant="secondaryNoBorder" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </>
      ) : (
        <div>
          <Button variant="secondary" onClick={() => setOpen(true)}>
            {t('rectification.ask')}
          </Button>
        </div>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
