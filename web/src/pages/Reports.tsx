import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { api } from '../api';
import { ErrorMessage, Loading } from '../components/Feedback';
import { RequireStaff } from '../components/RequireStaff';
import { DataTable, Scroll } from '../components/Table';
import { formatDate } from '../i18n';

// The charting library loads with this page only (staff), not with the applicant's pages.
const BarChart = lazy(() => import('../components/BarChart'));

interface TermCounts {
  anonymous: number;
  not_anonymous: number;
  share_anonymous: number | null;
}
interface ReportedRecruitment {
  id: number;
  title: string;
  term: string;
  anonymous: boolean;
  applications: number;
  lifted: number;
  published_at: number;
  days_to_decision: number | null;
}
interface Exception {
  recruitment_id: number;
  title: string;
  term: string;
  reason: string;
}
interface ComplianceReport {
  by_term: { permanent: TermCounts; fixed_term: TermCounts };
  exceptions: Exception[];
  permanent_not_anonymous: Exception[];
  registry_identity_reads: number;
  identity_role_grants: { at: number; granted_by_name: string; user_name: string; role: string }[];
  recruitments: ReportedRecruitment[];
}

function Percent({ share }: { share: number | null }) {
  return <>{share === null ? '–' : `${Math.round(share * 100)} %`}</>;
}

// The compliance report as tables (each one is the accessible text of a future chart), with CSV
// downloads for Excel and a PDF for the council.
function Compliance() {
  const { t, i18n } = useTranslation();
  const [report, setReport] = useState<ComplianceReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    document.title = t('reports.title') + ' – Reilu';
    api<ComplianceReport>('GET', '/api/v1/reports/compliance').then(setReport).catch(setError);
  }, [t]);
  return (
    <>
      <Heading variant="h1">{t('reports.title')}</Heading>
      <Paragraph>{t('reports.intro')}</Paragraph>
      <ErrorMessage error={error} />
      {!report && !error && <Loading />}
      {report && (
        <>
          <Heading variant="h2">{t('reports.byTerm')}</Heading>
          <Scroll>
            <DataTable>
              <caption>{t('reports.byTerm')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.term')}</th>
                  <th scope="col">{t('reports.anonymous')}</th>
                  <th scope="col">{t('reports.notAnonymous')}</th>
                  <th scope="col">{t('reports.share')}</th>
                </tr>
              </thead>
              <tbody>
                {(['permanent', 'fixed_term'] as const).map((term) => (
                  <tr key={term}>
                    <th scope="row">{t(`term.${term}`)}</th>
                    <td>{report.by_term[term].anonymous}</td>
                    <td>{report.by_term[term].not_anonymous}</td>
                    <td>
                      <Percent share={report.by_term[term].share_anonymous} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </Scroll>
          <Suspense fallback={<Loading />}>
            <BarChart
              labels={[t('term.permanent'), t('term.fixed_term')]}
              series={[
                {
                  label: t('reports.anonymous'),
                  data: [report.by_term.permanent.anonymous, report.by_term.fixed_term.anonymous],
                  color: '#2a6ebb',
                },
                {
                  label: t('reports.notAnonymous'),
                  data: [report.by_term.permanent.not_anonymous, report.by_term.fixed_term.not_anonymous],
                  color: '#b45309',
                },
              ]}
              summary={t('reports.chartSummary', {
                permanent: report.by_term.permanent.anonymous,
                permanentOpen: report.by_term.permanent.not_anonymous,
                fixed: report.by_term.fixed_term.anonymous,
                fixedOpen: report.by_term.fixed_term.not_anonymous,
              })}
            />
          </Suspense>
          <Paragraph className={report.permanent_not_anonymous.length ? 'report-alert' : undefined}>
            {report.permanent_not_anonymous.length
              ? t('reports.permanentOpen', { count: report.permanent_not_anonymous.length })
              : t('reports.permanentAllAnonymous')}
          </Paragraph>
          <Heading variant="h2">{t('reports.exceptions')}</Heading>
          {report.exceptions.length === 0 ? (
            <Paragraph>{t('reports.noExceptions')}</Paragraph>
          ) : (
            <Scroll>
              <DataTable>
                <caption>{t('reports.exceptions')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reports.recruitment')}</th>
                    <th scope="col">{t('reports.term')}</th>
                    <th scope="col">{t('reports.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.exceptions.map((e) => (
                    <tr key={e.recruitment_id}>
                      <td>{e.title}</td>
                      <td>{t(`term.${e.term}`)}</td>
                      <td>{e.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            </Scroll>
          )}
          <Heading variant="h2">{t('reports.recruitments')}</Heading>
          <Scroll>
            <DataTable>
              <caption>{t('reports.recruitments')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.recruitment')}</th>
                  <th scope="col">{t('reports.term')}</th>
                  <th scope="col">{t('reports.anonymous')}</th>
                  <th scope="col">{t('reports.published')}</th>
                  <th scope="col">{t('reports.applications')}</th>
                  <th scope="col">{t('reports.lifted')}</th>
                  <th scope="col">{t('reports.daysToDecision')}</th>
                </tr>
              </thead>
              <tbody>
                {report.recruitments.map((r) => (
                  <tr key={r.id}>
                    <td>{r.title}</td>
                    <td>{t(`term.${r.term}`)}</td>
                    <td>{r.anonymous ? t('common.yes') : t('common.no')}</td>
                    <td>{formatDate(r.published_at)}</td>
                    <td>{r.applications}</td>
                    <td>{r.lifted}</td>
                    <td>{r.days_to_decision ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </Scroll>
          <Paragraph>{t('reports.registryReads', { count: report.registry_identity_reads })}</Paragraph>
          <Heading variant="h2">{t('reports.roleGrants')}</Heading>
          {report.identity_role_grants.length === 0 ? (
            <Paragraph>{t('reports.noRoleGrants')}</Paragraph>
          ) : (
            <Scroll>
              <DataTable>
                <caption>{t('reports.roleGrants')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reports.when')}</th>
                    <th scope="col">{t('reports.account')}</th>
                    <th scope="col">{t('more.role')}</th>
                    <th scope="col">{t('reports.grantedBy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.identity_role_grants.map((g, i) => (
                    <tr key={i}>
                      <td>{formatDate(g.at, true)}</td>
                      <td>{g.user_name}</td>
                      <td>{t(`more.role_${g.role}`)}</td>
                      <td>{g.granted_by_name || t('reports.operator')}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            </Scroll>
          )}
          <Paragraph>
            <a href="/api/v1/reports/compliance?format=csv&separator=semicolon" download>
              {t('reports.csvSemicolon')}
            </a>{' '}
            · <a href="/api/v1/reports/compliance?format=csv" download>{t('reports.csvComma')}</a>{' '}
            · <a href={`/api/v1/reports/compliance?format=pdf&lang=${i18n.language}`} download>{t('reports.pdf')}</a>
          </Paragraph>
        </>
      )}
    </>
  );
}

interface FunnelCounts {
  applied: number | null;
  eligible: number | null;
  shortlisted: number | null;
  interviewed: number | null;
  selected: number | null;
}
interface FunnelRow {
  dimension: string;
  group: string;
  suppressed: boolean;
  anonymous?: FunnelCounts;
  not_anonymous?: FunnelCounts;
}
interface EqualityReport {
  recruitments: number;
  smallest_shown: number;
  rows: FunnelRow[];
}
const STAGES = ['applied', 'eligible', 'shortlisted', 'interviewed', 'selected'] as const;
const DIMENSIONS = ['gender', 'age_band', 'language_group'] as const;

// The share of applicants chosen for interview in each group, anonymous recruitments beside the
// others: the question the council asks of the funnel. Only groups whose counts are shown can be
// drawn; the table above it is the accessible text.
function InterviewShares({ dimension, rows }: { dimension: string; rows: FunnelRow[] }) {
  const { t } = useTranslation();
  const share = (side?: FunnelCounts) =>
    side && side.applied && side.shortlisted !== null ? Math.round((100 * side.shortlisted) / side.applied) : null;
  const groupName = (r: FunnelRow) => t(r.group === 'not_given' ? 'stats.not_given' : `stats.${dimension}_${r.group}`);
  const drawn = rows.filter((r) => !r.suppressed && (share(r.anonymous) !== null || share(r.not_anonymous) !== null));
  const title = t('equality.chartTitle', { dimension: t(`stats.${dimension}`) });
  if (drawn.length === 0) return <Paragraph>{t('equality.chartNone')}</Paragraph>;
  const percent = (n: number | null) => (n === null ? '–' : `${n} %`);
  const values = drawn
    .map((r) => t('equality.share', { group: groupName(r), anonymous: percent(share(r.anonymous)), other: percent(share(r.not_anonymous)) }))
    .join('; ');
  return (
    <figure>
      <figcaption>{title}</figcaption>
      <Suspense fallback={<Loading />}>
        <BarChart
          labels={drawn.map(groupName)}
          unit="%"
          series={[
            { label: t('reports.anonymous'), data: drawn.map((r) => share(r.anonymous)), color: '#2a6ebb' },
            { label: t('reports.notAnonymous'), data: drawn.map((r) => share(r.not_anonymous)), color: '#b45309' },
          ]}
          summary={t('equality.chartSummary', { values })}
        />
      </Suspense>
    </figure>
  );
}

// Who got how far, by the voluntary groups applicants gave with consent, anonymous recruitments
// beside the others. The server hides small counts (null) and small groups; the page says so.
function Equality() {
  const { t, i18n } = useTranslation();
  const [report, setReport] = useState<EqualityReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<EqualityReport>('GET', '/api/v1/reports/equality').then(setReport).catch(setError);
  }, []);
  if (!report) return error ? <ErrorMessage error={error} /> : <Loading />;
  const cell = (n: number | null | undefined) => (n === null || n === undefined ? `<${report.smallest_shown}` : String(n));
  return (
    <section aria-labelledby="equality-title">
      <Heading variant="h2" id="equality-title">
        {t('equality.title')}
      </Heading>
      <Paragraph>{t('equality.intro', { count: report.smallest_shown })}</Paragraph>
      {DIMENSIONS.map((d) => (
        <div key={d}>
        <Scroll>
          <DataTable>
            <caption>{t(`stats.${d}`)}</caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {t('equality.group')}
                </th>
                <th scope="colgroup" colSpan={STAGES.length}>
                  {t('reports.anonymous')}
                </th>
                <th scope="colgroup" colSpan={STAGES.length}>
                  {t('reports.notAnonymous')}
                </th>
              </tr>
              <tr>
                {[...STAGES, ...STAGES].map((s, i) => (
                  <th scope="col" key={i}>
                    {t(`equality.${s}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.rows
                .filter((r) => r.dimension === d)
                .map((r) => (
                  <tr key={r.group}>
                    <th scope="row">{t(r.group === 'not_given' ? 'stats.not_given' : `stats.${d}_${r.group}`)}</th>
                    {r.suppressed ? (
                      <td colSpan={2 * STAGES.length}>{t('equality.suppressed', { count: report.smallest_shown })}</td>
                    ) : (
                      [r.anonymous, r.not_anonymous].flatMap((side, k) =>
                        STAGES.map((s) => <td key={`${k}-${s}`}>{cell(side?.[s])}</td>),
                      )
                    )}
                  </tr>
                ))}
            </tbody>
          </DataTable>
        </Scroll>
        <InterviewShares dimension={d} rows={report.rows.filter((r) => r.dimension === d)} />
        </div>
      ))}
      <Paragraph>
        <a href="/api/v1/reports/equality?format=csv&separator=semicolon" download>
          {t('reports.csvSemicolon')}
        </a>{' '}
        · <a href={`/api/v1/reports/equality?format=pdf&lang=${i18n.language}`} download>{t('reports.pdf')}</a>
      </Paragraph>
    </section>
  );
}

export function Reports() {
  return (
    <RequireStaff>
      <Compliance />
      <Equality />
    </RequireStaff>
  );
}
