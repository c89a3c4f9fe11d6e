import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import styled from 'styled-components';
import { DropdownItem, Heading, SearchInput, StaticChip, Text } from 'suomifi-ui-components';
import { Dropdown } from '../components/Dropdown';
import { api, type JobAd } from '../api';
import { ErrorMessage, Loading } from '../components/Feedback';
import { AppLink } from '../components/Layout';
import { formatDate, localized } from '../i18n';

const Filters = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: 16px;
  align-items: flex-end;
  margin: 16px 0 24px;
`;
const List = styled.ul`
  list-style: none;
  padding: 0;
  margin: 0;
  display: grid;
  gap: 16px;
`;
const Card = styled.li`
  border: 1px solid #c8cdd0;
  border-radius: 2px;
  padding: 16px;
  background: #fff;
  h2 {
    margin: 0 0 8px;
  }
  p {
    margin: 4px 0;
  }
`;

export function JobBoard() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [term, setTerm] = useState('all');
  const [jobs, setJobs] = useState<JobAd[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = (q: string) => {
    setError(null);
    api<{ jobs: JobAd[] }>('GET', '/api/v1/jobs' + (q ? '?q=' + encodeURIComponent(q) : ''))
      .then((r) => setJobs(r.jobs))
      .catch(setError);
  };
  useEffect(() => {
    document.title = t('board.title') + ' – Reilu';
    load('');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const shown = (jobs ?? []).filter((j) => term === 'all' || j.employment.term === term);
  return (
    <>
      <Heading variant="h1">{t('board.title')}</Heading>
      <Filters role="search">
        <SearchInput
          labelText={t('board.search')}
          searchButtonLabel={t('board.searchButton')}
          clearButtonLabel={t('common.cancel')}
          value={query}
          onChange={(v) => setQuery(String(v ?? ''))}
          onSearch={(v) => load(String(v ?? ''))}
        />
        <Dropdown labelText={t('board.filterTerm')} value={term} onChange={(v) => setTerm(v)}>
          <DropdownItem value="all">{t('board.all')}</DropdownItem>
          <DropdownItem value="permanent">{t('term.permanent')}</DropdownItem>
          <DropdownItem value="fixed_term">{t('term.fixed_term')}</DropdownItem>
        </Dropdown>
      </Filters>
      <ErrorMessage error={error} />
      {jobs === null && !error && <Loading />}
      {jobs !== null && (
        <>
          <p aria-live="polite">{shown.length === 0 ? t('board.none') : t('board.count', { count: shown.length })}</p>
          <List>
            {shown.map((job) => (
              <Card key={job.id}>
                <Heading variant="h2">
                  <AppLink to={`/jobs/${job.id}`}>{localized(job.title)}</AppLink>
                </Heading>
                <p>
                  <Text>{job.organisation}</Text>
                </p>
                <p>
                  <Text>
                    {t(`term.${job.employment.relation}`)}, {t(`term.${job.employment.term}`)} · {t('common.deadline')}{' '}
                    {formatDate(job.deadline, true)}
                  </Text>
                </p>
                {job.anonymous && <StaticChip>{t('anonymous.marker')}</StaticChip>}
              </Card>
            ))}
          </List>
        </>
      )}
    </>
  );
}
