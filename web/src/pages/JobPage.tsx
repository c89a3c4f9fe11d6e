import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import styled from 'styled-components';
import { Heading, InlineAlert, Paragraph, StaticChip, Text } from 'suomifi-ui-components';
import { api, type JobAd } from '../api';
import { ErrorMessage, Loading } from '../components/Feedback';
import { formatDate, localized } from '../i18n';
import { ApplyForm } from './ApplyForm';

const Facts = styled.dl`
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: 4px 16px;
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
`;

// schema.org JobPosting for search engines. A JSON data block is never executed, so the strict
// CSP (script-src 'self') does not need an exception for it.
function useJobPostingJsonLd(job: JobAd | null) {
  useEffect(() => {
    if (!job) return;
    const data = {
      '@context': 'https://schema.org/',
      '@type': 'JobPosting',
      title: localized(job.title),
      description: localized(job.description),
      datePosted: new Date(job.published_at * 1000).toISOString(),
      validThrough: new Date(job.deadline * 1000).toISOString(),
      employmentType: job.employment.term === 'permanent' ? 'FULL_TIME' : 'TEMPORARY',
      hiringOrganization: { '@type': 'Organization', name: job.organisation },
      identifier: { '@type': 'PropertyValue', name: job.organisation, value: String(job.id) },
    };
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.id = 'job-posting';
    script.text = JSON.stringify(data);
    document.head.appendChild(script);
    return () => script.remove();
  }, [job]);
}

export function JobPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [job, setJob] = useState<JobAd | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<JobAd>('GET', `/api/v1/jobs/${id}`).then(setJob).catch(setError);
  }, [id]);
  useEffect(() => {
    if (job) document.title = localized(job.title) + ' – Reilu';
  }, [job, t]);
  useJobPostingJsonLd(job);

  if (error) return <ErrorMessage error={error} />;
  if (!job) return <Loading />;
  return (
    <>
      <Heading variant="h1">{localized(job.title)}</Heading>
      {job.anonymous && <StaticChip>{t('anonymous.marker')}</StaticChip>}
      <Facts>
        <dt>{t('job.organisation')}</dt>
        <dd>{job.organisation}</dd>
        <dt>{t('editor.relation')}</dt>
        <dd>
          {t(`term.${job.employment.relation}`)}, {t(`term.${job.employment.term}`)}
        </dd>
        <dt>{t('common.deadline')}</dt>
        <dd>{formatDate(job.deadline, true)}</dd>
      </Facts>
      <Paragraph>{localized(job.description)}</Paragraph>
      <InlineAlert labelText={job.anonymous ? t('anonymous.marker') : undefined}>
        <Text>{job.anonymous ? t('anonymous.explain') : t('anonymous.notAnonymous')}</Text>
      </InlineAlert>
      {job.criteria.length > 0 && (
        <>
          <Heading variant="h2">{t('job.criteria')}</Heading>
          <ul>
            {job.criteria.map((c) => (
              <li key={c.id}>{localized(c.title)}</li>
            ))}
          </ul>
        </>
      )}
      {job.accepting_applications ? <ApplyForm job={job} /> : <Paragraph>{t('job.closed')}</Paragraph>}
    </>
  );
}
