import { useTranslation } from 'react-i18next';
import { InlineAlert, LoadingSpinner } from 'suomifi-ui-components';
import { ApiError } from '../api';
import { problemText } from '../problems';

export function Loading() {
  const { t } = useTranslation();
  return <LoadingSpinner status="loading" text={t('common.loading')} textAlign="right" />;
}

// An error from the API, announced to screen readers (role=alert via aria-live).
export function ErrorMessage({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const text = error instanceof ApiError ? problemText(error.problem, t, i18n.language) : t('common.error');
  return (
    <div role="alert">
      <InlineAlert status="error">{text}</InlineAlert>
    </div>
  );
}
