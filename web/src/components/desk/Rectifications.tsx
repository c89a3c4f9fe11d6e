import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, RadioButton, RadioButtonGroup, Textarea } from 'suomifi-ui-components';
import { api } from '../../api';
import { formatDate } from '../../i18n';
import { ErrorMessage } from '../Feedback';
import { Panel } from '../Panel';
import { type Rectification } from '../RectificationRequests';

// The owner answers applicants' rectification requests (GDPR art. 16) within a month. The panel
// first shows only that requests wait; their words are opened on purpose, since that look is
// audited on the server.
export function Rectifications({ base }: { base: string }) {
  const { t } = useTranslation();
  const [requests, setRequests] = useState<Rectification[] | null>(null);
  const [withWords, setWithWords] = useState(false);
  const [state, setState] = useState<Record<number, string>>({});
  const [answer, setAnswer] = useState<Record<number, string>>({});
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    (words: boolean) =>
      api<{ requests: Rectification[] }>('GET', `${base}/rectification-requests${words ? '?words=1' : ''}`)
        .then((r) => {
          setRequests(r.requests);
          setWithWords(words);
        })
        .catch(setError),
    [base],
  );
  useEffect(() => {
    void load(false);
  }, [load]);
  const send = async (id: number) => {
    setError(null);
    try {
      await api('POST', `${base}/rectification-requests/${id}/answer`, { state: state[id], answer: answer[id] ?? '' });
      await load(true);
    } catch (e) {
      setError(e);
    }
  };
  if (!requests || requests.length === 0) return <ErrorMessage error={error} />;
  const waiting = requests.filter((r) => r.state === 'open').length;
  const due = (r: Rectification) => formatDate(Date.parse(r.answer_due) / 1000);
  return (
    <Panel aria-labelledby="rectifications-title">
      <Heading variant="h2" id="rectifications-title">
        {t('rectification.deskTitle')}
      </Heading>
      <Paragraph>{t('rectification.waiting', { count: waiting })}</Paragraph>
      {!withWords && (
        <div>
          <Button variant="secondary" onClick={() => void load(true)}>
            {t('rectification.open')}
          </Button>
        </div>
      )}
      {withWords &&
        requests.map((r) => (
          <div key={r.id} className="rectification">
            <Paragraph>
              <strong>{r.pseudonym}</strong>, {formatDate(r.received_at)} —{' '}
              {r.state === 'open' ? t('rectification.dueBy', { date: due(r) }) : t(`rectification.state_${r.state}`)}
            </Paragraph>
            <blockquote>{r.what}</blockquote>
            {r.state !== 'open' && <Paragraph>{r.answer}</Paragraph>}
            {r.state === 'open' && (
              <>
                <RadioButtonGroup
                  labelText={t('rectification.answerAs')}
                  name={`rectification-${r.id}`}
                  value={state[r.id] ?? ''}
                  onChange={(v) => setState({ ...state, [r.id]: v })}
                >
                  <RadioButton value="corrected">{t('rectification.state_corrected')}</RadioButton>
                  <RadioButton value="refused">{t('rectification.state_refused')}</RadioButton>
                </RadioButtonGroup>
                <Textarea
                  labelText={t(state[r.id] === 'refused' ? 'rectification.why' : 'rectification.whatDone')}
                  hintText={t('rectification.answerHint')}
                  value={answer[r.id] ?? ''}
                  onChange={(e) => setAnswer({ ...answer, [r.id]: e.target.value })}
                  fullWidth
                />
                <div>
                  <Button
                    disabled={!state[r.id] || (answer[r.id] ?? '').trim().length < 10}
                    onClick={() => void send(r.id)}
                  >
                    {t('rectification.sendAnswer')}
                  </Button>
                </div>
              </>
            )}
          </div>
        ))}
      <ErrorMessage error={error} />
    </Panel>
  );
}
