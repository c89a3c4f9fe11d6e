import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, TextInput } from 'suomifi-ui-components';
import { api } from '../../api';
import { ErrorMessage } from '../Feedback';
import { Panel } from '../Panel';

// The owner stops disposal of a decided recruitment while a rectification request or an appeal is
// pending, and releases it afterwards (both audited on the server).
export function LegalHold({ recruitmentId }: { recruitmentId: number }) {
  const { t } = useTranslation();
  const path = `/api/v1/recruitments/${recruitmentId}/legal-hold`;
  const [hold, setHold] = useState<{ legal_hold: boolean; holds: { reason: string }[] } | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => api<typeof hold>('GET', path).then(setHold).catch(setError), [path]);
  useEffect(() => {
    void load();
  }, [load]);
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      setReason('');
      await load();
    } catch (e) {
      setError(e);
    }
  };
  if (!hold) return <ErrorMessage error={error} />;
  return (
    <Panel aria-labelledby="hold-title">
      <Heading variant="h2" id="hold-title">
        {t('hold.title')}
      </Heading>
      {hold.legal_hold ? (
        <>
          <Paragraph>{t('hold.standing', { reason: hold.holds.map((h) => h.reason).join('; ') })}</Paragraph>
          <div>
            <Button variant="secondary" onClick={() => void act(() => api('DELETE', path))}>
              {t('hold.release')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <Paragraph>{t('hold.hint')}</Paragraph>
          <TextInput labelText={t('hold.reason')} value={reason} onChange={(v) => setReason(String(v ?? ''))} fullWidth />
          <div>
            <Button variant="secondary" disabled={reason.trim().length < 10} onClick={() => void act(() => api('POST', path, { reason }))}>
              {t('hold.place')}
            </Button>
          </div>
        </>
      )}
      <ErrorMessage error={error} />
    </Panel>
  );
}
