import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import { ErrorMessage } from './Feedback';

// One form section's saving: runs the request, then says it was done (announced) or shows the error;
// `footer` is the section's button with that feedback under it.
export function useSaveAction() {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const run = async (request: () => Promise<unknown>, done: string = t('more.saved')) => {
    setError(null);
    setNotice('');
    try {
      await request();
      setNotice(done);
    } catch (e) {
      setError(e);
    }
  };
  const footer = (onClick: () => void, label: ReactNode = t('common.save')) => (
    <>
      <div>
        <Button onClick={onClick}>{label}</Button>
      </div>
      <div aria-live="polite">{notice}</div>
      <ErrorMessage error={error} />
    </>
  );
  return { run, error, setError, footer };
}
