import { useTranslation } from 'react-i18next';
import { Heading } from 'suomifi-ui-components';
import { AppLink } from '../components/Layout';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <Heading variant="h1">404</Heading>
      <p>
        <AppLink to="/">{t('nav.jobs')}</AppLink>
      </p>
    </>
  );
}
