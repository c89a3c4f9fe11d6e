import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, DropdownItem, Heading, InlineAlert, Paragraph, Textarea } from 'suomifi-ui-components';
import { api, ApiError, type Merits, type Recruitment } from '../../api';
import { ConfirmDialog } from '../ConfirmDialog';
import { ErrorMessage, Loading } from '../Feedback';
import { MeritList } from '../MeritList';
import { Panel } from '../Panel';
import { DataTable, Scroll } from '../Table';
import { formatDate, formatNumber, localized } from '../../i18n';
import { AcceptancePanel } from './Acceptance';

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
  const { t, i18n } = useTranslation();
  const base = `/api/v1/recruitments/${id}`;
  const [rec, setRec] = useState<Recruitment | null>(null);
  const [brief, setBrief] = useState<Brief | null>(null);
  const [blind, setBlind] = useState(false);
  const [decision, setDecision] = useState<Decided | null>(null);
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  const [reasoning, setReasoning] = useState('');
  const [confirming, setConfirming] = useState(false);
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
  const decide = async () => {
    setConfirming(false);
    setError(null);
    try {
      await api('POST', `${base}/decision`, {
        reasoning,
        outcomes: Object.entries(outcomes).map(([application_id, outcome]) => ({ application_id, outcome })),
      });
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
        <Panel aria-labelledby="decide-title">
          <Heading variant="h2" id="decide-title">
            {t('desk.decision')}
          </Heading>
          {brief.applications.map((e) => (
            <Dropdown
              key={e.application_id}
              labelText={label(e)}
              value={outcomes[e.application_id] ?? 'not_selected'}
              onChange={(v) => setOutcomes({ ...outcomes, [e.application_id]: v })}
            >
              <DropdownItem value="selected">{t('status.selected')}</DropdownItem>
              <DropdownItem value="reserve">{t('status.reserve')}</DropdownItem>
              <DropdownItem value="not_selected">{t('status.not_selected')}</DropdownItem>
            </Dropdown>
          ))}
          <Textarea labelText={t('desk.justification')} value={reasoning} onChange={(ev) => setReasoning(ev.target.value)} fullWidth />
          <div>
            <Button onClick={() => setConfirming(true)}>{t('desk.decision')}</Button>
          </div>
        </Panel>
      )}
      {decision.decided && (
        <Panel aria-labelledby="decided-title">
          <Heading variant="h2" id="decided-title">
            {t('decisionDesk.decided')}
          </Heading>
          <ul>
            {decision.outcomes
              ?.filter((o) => o.outcome !== 'not_selected')
              .map((o) => (
                <li key={o.application_id}>
                  {o.pseudonym}: {t(`status.${o.outcome}`)}
                </li>
              ))}
          </ul>
          <Paragraph>
            <a href={`${base}/decision-document?lang=${i18n.language}`} download>
              {t('desk.decisionPdf')}
            </a>
          </Paragraph>
        </Panel>
      )}
      {decision.decided && <AcceptancePanel base={base} />}
      <ConfirmDialog
        visible={confirming}
        title={t('desk.confirm_decision_title')}
        confirmText={t('desk.confirm_decision_button')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void decide()}
      >
        <Paragraph>
          {t('desk.confirm_decision_text', {
            selected: Object.values(outcomes).filter((o) => o === 'selected').length,
            reserve: Object.values(outcomes).filter((o) => o === 'reserve').length,
            count: brief?.applications.length ?? 0,
          })}
        </Paragraph>
      </ConfirmDialog>
    </>
  );
}
