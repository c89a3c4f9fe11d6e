import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { api, ApiError, type Merits, type Recruitment } from '../../api';
import { ErrorMessage, Loading } from '../Feedback';
import { MeritList } from '../MeritList';
import { DataTable, Scroll } from '../Table';
import { formatDate, formatNumber, localized } from '../../i18n';
import { AcceptancePanel } from './Acceptance';
import { DecisionForm, DecisionMade, type DecisionChoice } from './DecisionForm';

interface BriefEntry {
  application_id: string;
  pseudonym: string;
  merits: Merits;
  weighted_score: number;
  rank: number;
  interviews: number[];
  name: string | null;
}
interface Brief {
  may_decide: boolean;
  applications: BriefEntry[];
}
interface Decided {
  decided: boolean;
  decided_at?: number;
  appeal_ends?: string;
  reasoning?: string;
  outcomes?: { application_id: string; pseudonym: string; outcome: string }[];
}

// The decision-maker's desk (viranhaltija): nothing of the applications until the shortlist, then
// the shortlisted ones with their merits, place in the ranking and interviews (names once lifted),
// the decision with its reasoning, and the decision document to sign.
export function DecisionDesk({ id }: { id: string }) {
  const { t } = useTranslation();
  const base = `/api/v1/recruitments/${id}`;
  const [rec, setRec] = useState<Recruitment | null>(null);
  const [brief, setBrief] = useState<Brief | null>(null);
  const [blind, setBlind] = useState(false);
  const [decision, setDecision] = useState<Decided | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      const r = await api<Recruitment>('GET', base);
      setRec(r);
      document.title = localized(r.title) + ' – Reilu';
      setDecision(await api<Decided>('GET', `${base}/decision`));
      try {
        setBrief(await api<Brief>('GET', `${base}/decision-brief`));
        setBlind(false);
      } catch (e) {
        if (e instanceof ApiError && e.problem.code === 'not_shortlisted') setBlind(true);
        else throw e;
      }
    } catch (e) {
      setError(e);
    }
  }, [base]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!rec || !decision) return error ? <ErrorMessage error={error} /> : <Loading />;
  const decide = async (choice: DecisionChoice) => {
    setError(null);
    try {
      await api('POST', `${base}/decision`, choice);
      await load();
    } catch (e) {
      setError(e);
    }
  };
  const label = (e: BriefEntry) => (e.name ? `${e.pseudonym} – ${e.name}` : e.pseudonym);
  return (
    <>
      <Heading variant="h1">{localized(rec.title)}</Heading>
      <Paragraph>{t('decisionDesk.intro')}</Paragraph>
      <ErrorMessage error={error} />
      {blind && <InlineAlert>{t('decisionDesk.blind')}</InlineAlert>}
      {brief && (
        <section aria-labelledby="brief-title">
          <Heading variant="h2" id="brief-title">
            {t('decisionDesk.shortlisted')}
          </Heading>
          <Scroll>
            <DataTable>
              <caption>{t('decisionDesk.shortlisted')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('desk.pseudonym')}</th>
                  <th scope="col">{t('desk.merits')}</th>
                  <th scope="col">{t('desk.weighted')}</th>
                  <th scope="col">{t('desk.rank')}</th>
                  <th scope="col">{t('decisionDesk.interview')}</th>
                </tr>
              </thead>
              <tbody>
                {brief.applications.map((e) => (
                  <tr key={e.application_id}>
                    <th scope="row">{label(e)}</th>
                    <td>
                      <MeritList merits={e.merits} />
                    </td>
                    <td>{e.rank ? formatNumber(e.weighted_score) : '–'}</td>
                    <td>{e.rank || '–'}</td>
                    <td>{e.interviews.length ? e.interviews.map((at) => formatDate(at, true)).join(', ') : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </Scroll>
        </section>
      )}
      {brief?.may_decide && !decision.decided && (
        <DecisionForm
          candidates={brief.applications.map((e) => ({ id: e.application_id, label: label(e) }))}
          languages={rec.languages}
          onDecide={(choice) => void decide(choice)}
        />
      )}
      {decision.decided && (
        <DecisionMade base={base} title={t('decisionDesk.decided')} outcomes={decision.outcomes ?? []} withDocument />
      )}
      {decision.decided && <AcceptancePanel base={base} />}
    </>
  );
}
