import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import styled from 'styled-components';
import { Heading, InlineAlert, Paragraph, StaticChip, Text } from 'suomifi-ui-components';
import { api, type JobAd } from '../api';
import { ErrorMessage, Loading } from '../components/Feedback';
import { formatDate, localized } from '../i18n';
import { ApplyForm } from './ApplyForm';
import { saveDraft, type FormDraft } from '../components/FormDraft';

// A draft's link (…/jobs/12#draft=ID&secret=S): the secret stays in the fragment, never in a request line.
function readDraftLink() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const id = params.get('draft') ?? '';
  const secret = params.get('secret') ?? '';
  return id && secret ? { id, secret } : null;
}

// The short details shown in the facts list, in this order.
const AD_TEXTS = ['salary', 'working_hours', 'location', 'starts'] as const;

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

// Line breaks inside a paragraph stay as the employer wrote them.
const AdText = styled.div`
  margin: 16px 0;
  .ad-paragraph {
    white-space: pre-line;
    margin: 0 0 12px;
  }
  h2 {
    margin: 20px 0 8px;
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
  // Opened from a draft's link: the draft fills the form (kept in this tab like any draft) and the
  // secret leaves the address bar.
  const [draftState, setDraftState] = useState<'' | 'opened' | 'missing'>('');
  useEffect(() => {
    const link = readDraftLink();
    const opening = link
      ? api<{ content: Omit<FormDraft, 'server'> }>('POST', `/api/v1/drafts/${encodeURIComponent(link.id)}/open`, {
          secret: link.secret,
        })
          .then((d) => {
            saveDraft(Number(id), { ...d.content, key: d.content.key || crypto.randomUUID(), server: link });
            setDraftState('opened');
          })
          .catch(() => setDraftState('missing'))
          .finally(() => window.history.replaceState(null, '', window.location.pathname + window.location.search))
      : Promise.resolve();
    void opening.then(() => api<JobAd>('GET', `/api/v1/jobs/${id}`).then(setJob).catch(setError));
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
        {job.published_at > 0 && (
          <>
            <dt>{t('ad.published')}</dt>
            <dd>{formatDate(job.published_at)}</dd>
          </>
        )}
        {AD_TEXTS.filter((k) => localized(job.ad?.[k])).map((k) => (
          <Fragment key={k}>
            <dt>{t(`ad.${k}`)}</dt>
            <dd>{localized(job.ad?.[k])}</dd>
          </Fragment>
        ))}
      </Facts>
      <AdText>
      {/* Paragraphs as the employer wrote them, one blank line apart. */}
      {localized(job.description)
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <Paragraph key={i} className="ad-paragraph">
            {p}
          </Paragraph>
        ))}
      {job.ad && localized(job.ad.qualifications) && (
        <>
          <Heading variant="h2">{t('ad.qualifications')}</Heading>
          <Paragraph className="ad-paragraph">{localized(job.ad.qualifications)}</Paragraph>
        </>
      )}
      {job.ad?.contact_name && (
        <>
          <Heading variant="h2">{t('ad.contact')}</Heading>
          <Paragraph>
            {job.ad.contact_name}
            {localized(job.ad.contact_title) && `, ${localized(job.ad.contact_title)}`}
            {job.ad.contact_phone && (
              <>
                <br />
                <a href={`tel:${job.ad.contact_phone.replace(/[^+\d]/g, '')}`}>{job.ad.contact_phone}</a>
              </>
            )}
            {job.ad.contact_email && (
              <>
                <br />
                <a href={`mailto:${job.ad.contact_email}`}>{job.ad.contact_email}</a>
              </>
            )}
          </Paragraph>
        </>
      )}
      </AdText>
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
      {draftState && (
        <InlineAlert status={draftState === 'missing' ? 'warning' : 'neutral'}>
          <Text>{t(draftState === 'missing' ? 'draft.missing' : 'draft.opened')}</Text>
        </InlineAlert>
      )}
      {job.accepting_applications ? <ApplyForm job={job} /> : <Paragraph>{t('job.closed')}</Paragraph>}
    </>
  );
}
