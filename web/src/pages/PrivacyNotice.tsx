import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { api } from '../api';
import { ErrorMessage, Loading } from '../components/Feedback';

interface Notice {
  title: string;
  sections: { heading: string; text: string }[];
}

// The employer's privacy notice for applicants, in the reader's language (public).
export function PrivacyNotice() {
  const { i18n } = useTranslation();
  const { org } = useParams();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<Notice>('GET', `/api/v1/organisations/${org}/privacy-notice?lang=${i18n.language}`)
      .then((n) => {
        setNotice(n);
        document.title = n.title + ' – Reilu';
      })
      .catch(setError);
  }, [org, i18n.language]);
  if (!notice) return error ? <ErrorMessage error={error} /> : <Loading />;
  return (
    <>
      <Heading variant="h1">{notice.title}</Heading>
      {notice.sections.map((s) => (
        <section key={s.heading}>
          <Heading variant="h2">{s.heading}</Heading>
          <Paragraph>{s.text}</Paragraph>
        </section>
      ))}
    </>
  );
}
