import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import styled from 'styled-components';
import {
  Button,
  Checkbox,
  DropdownItem,
  Heading,
  InlineAlert,
  Paragraph,
  StaticChip,
  Text,
  TextInput,
} from 'suomifi-ui-components';
import { Dropdown } from '../components/Dropdown';
import { api, ApiError, type ApplicationView, type Identity, type Recruitment, type RankingEntry, type Screening } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorMessage, Loading } from '../components/Feedback';
import { Row } from '../components/FormLayout';
import { AppLink } from '../components/Layout';
import { RequireStaff } from '../components/RequireStaff';
import { MeritList } from '../components/MeritList';
import { RedactionReview } from '../components/desk/RedactionReview';
import { Attachments } from '../components/desk/Attachments';
import { ScoreForm } from '../components/ScoreForm';
import { ChunkView } from '../components/desk/ChunkView';
import { ApplicationPager, ApplicationTable, ApplicationToolbar, useApplicationList } from '../components/desk/ApplicationList';
import { Explanation, type ExplanationData } from '../components/desk/Explanation';
import { Interviews } from '../components/desk/Interviews';
import { LegalHold } from '../components/desk/LegalHold';
import { Eligibility } from '../components/desk/Eligibility';
import { DecisionDesk } from '../components/desk/DecisionDesk';
import { DecisionMakerChoice } from '../components/desk/DecisionMakerChoice';
import { AcceptancePanel } from '../components/desk/Acceptance';
import { DecisionForm, DecisionMade } from '../components/desk/DecisionForm';
import { NoticeDeliveries } from '../components/desk/NoticeDeliveries';
import { Rectifications } from '../components/desk/Rectifications';
import { DiaryNumber } from '../components/desk/DiaryNumber';
import { Panel } from '../components/Panel';
import { DataTable, Scroll } from '../components/Table';
import { formatNumber, localized } from '../i18n';
import { useSession } from '../session';

const Card = styled.article`
  border: 1px solid #c8cdd0;
  padding: 16px;
  margin: 16px 0;
  background: #fff;
  h3 {
    margin-top: 0;
  }
  .free-text {
    white-space: pre-wrap;
  }
`;

interface Decision {
  decided: boolean;
  appeal_ends?: string;
  outcomes?: { application_id: string; pseudonym: string; outcome: string }[];
}

function Merits({ app }: { app: ApplicationView }) {
  const { t } = useTranslation();
  if (!app.merits) return null;
  return (
    <>
      <Text variant="bold">{t('desk.merits')}</Text>
      <MeritList merits={app.merits} />
    </>
  );
}

function shortlistedIds(screening: Screening) {
  return new Set(screening.shortlist.map((s) => s.application_id));
}

function DeskPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const { me } = useSession();
  const [rec, setRec] = useState<Recruitment | null>(null);
  const [screening, setScreening] = useState<Screening | null>(null);
  const [apps, setApps] = useState<ApplicationView[]>([]);
  const [ranking, setRanking] = useState<RankingEntry[]>([]);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  // "The five best": the shortlist's checkboxes filled from the top of the ranking at once (those
  // found not eligible are passed over); the owner still checks and confirms.
  const [topCount, setTopCount] = useState('5');
  const [liftTarget, setLiftTarget] = useState<string[] | 'all' | null>(null);
  const [liftReason, setLiftReason] = useState('');
  const [recuseTarget, setRecuseTarget] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'close' | 'shortlist' | null>(null);
  const [chunked, setChunked] = useState(false);
  const [explanations, setExplanations] = useState<Record<string, ExplanationData>>({});
  const [identities, setIdentities] = useState<Record<string, Identity>>({});
  // The registry office reads identity only for a records request it recorded for this recruitment.
  const [recordsRequests, setRecordsRequests] = useState<{ id: number; requester: string }[]>([]);
  const [recordsRequest, setRecordsRequest] = useState('');
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [bulkResult, setBulkResult] = useState('');
  const shortlisted = useMemo(() => (screening ? shortlistedIds(screening) : new Set<string>()), [screening]);
  const list = useApplicationList(apps, shortlisted, ranking);

  const base = `/api/v1/recruitments/${id}`;
  const reload = useCallback(async () => {
    try {
      const r = await api<Recruitment>('GET', base);
      setRec(r);
      document.title = localized(r.title) + ' – Reilu';
      // The registry office takes no part in screening: it gets the applications only.
      const noScreening: Screening = {
        stage: r.state === 'published' ? 'collecting' : 'screening',
        criteria: r.criteria,
        scoring: false,
        progress: { scored: 0, total: 0 },
        shortlist: [],
      };
      const [s, a, d] = await Promise.all([
        me?.user.role === 'registry' ? Promise.resolve(noScreening) : api<Screening>('GET', `${base}/screening`),
        // Reviewers see no applications before the application period ends (the server refuses).
        api<{ applications: ApplicationView[] }>('GET', `${base}/applications`).catch((e: unknown) => {
          if (e instanceof ApiError && e.problem.code === 'screening_not_open') return { applications: [] };
          throw e;
        }),
        api<Decision>('GET', `${base}/decision`),
      ]);
      setScreening(s);
      setApps(a.applications);
      if (me?.user.role === 'registry') {
        const rr = await api<{ records_requests: { id: number; recruitment_id: number; requester: string; decision: string }[] }>(
          'GET',
          '/api/v1/records-requests',
        );
        setRecordsRequests(rr.records_requests.filter((x) => x.recruitment_id === r.id && x.decision !== 'refuse'));
      }
      setDecision(d);
      if (s.stage !== 'collecting' && s.stage !== 'draft' && me?.user.role !== 'registry') {
        const rk = await api<{ available: boolean; ranking: RankingEntry[] }>('GET', `${base}/ranking`);
        setRanking(rk.ranking);
      }
    } catch (e) {
      setError(e);
    }
  }, [base, me]);
  useEffect(() => {
    void reload();
  }, [reload]);
  // After a score is saved, the reviewer's progress ("3 / 5 scored") follows without a reload.
  const refreshProgress = async () => {
    try {
      setScreening(await api<Screening>('GET', `${base}/screening`));
    } catch (e) {
      setError(e);
    }
  };

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      await reload();
    } catch (e) {
      setError(e);
    }
  };

  if (!rec || !screening || !me) return error ? <ErrorMessage error={error} /> : <Loading />;
  const isOwner = me.user.role === 'hr' && me.user.id === rec.owner_id;
  const isReviewer = me.user.role === 'reviewer';
  const isRegistry = me.user.role === 'registry';
  const showExplanation = (appId: string) =>
    act(async () => {
      const data = await api<ExplanationData>('GET', `${base}/applications/${appId}/explanation`);
      setExplanations((old) => ({ ...old, [appId]: data }));
    });
  const requestIdentity = (appId: string) =>
    act(async () => {
      const data = await api<{ identity: Identity }>('POST', `${base}/applications/${appId}/identity`, {
        records_request_id: Number(recordsRequest),
      });
      setIdentities((old) => ({ ...old, [appId]: data.identity }));
    });
  const candidates = apps
    .filter((a) => (a.lifted || !rec.anonymous) && (shortlisted.has(a.id) || !rec.anonymous) && !a.withdrawn)
    .map((a) => ({ id: a.id, label: a.identity ? `${a.pseudonym} – ${a.identity.first_name} ${a.identity.last_name}` : a.pseudonym }));
  const stage = screening.stage;
  const eligibility = new Map((screening.eligibility ?? []).map((e) => [e.application_id, e]));

  return (
    <>
      <Heading variant="h1">{localized(rec.title)}</Heading>
      <Paragraph>
        {t('desk.stage')}: <strong>{t(`desk.stage_${stage}`)}</strong>
        {isReviewer && stage === 'screening' && <> · {t('desk.progress', screening.progress)}</>}
        {isOwner && (
          <>
            {' · '}
            <AppLink to={`/staff/audit?recruitment=${rec.id}`}>{t('audit.ownLog')}</AppLink>
          </>
        )}
      </Paragraph>
      {rec.anonymous && <InlineAlert>{t('desk.anonymousNote')}</InlineAlert>}
      {isRegistry &&
        (recordsRequests.length === 0 ? (
          <Paragraph>{t('registry.noRequest')}</Paragraph>
        ) : (
          <Dropdown labelText={t('registry.chooseRequest')} visualPlaceholder={t('registry.choose')} value={recordsRequest}
            onChange={(v) => setRecordsRequest(v)}>
            {recordsRequests.map((q) => (
              <DropdownItem key={q.id} value={String(q.id)}>
                {q.id}: {q.requester}
              </DropdownItem>
            ))}
          </Dropdown>
        ))}
      {isReviewer && stage === 'collecting' && (
        <Paragraph className="not-yet" role="status">
          {t('desk.notYet')}
        </Paragraph>
      )}
      <ErrorMessage error={error} />

      {isOwner && apps.some((a) => !a.free_text && !a.withdrawn) && (
        <Panel aria-label={t('review.bulk')}>
          <div>
            <Button
              variant="secondary"
              onClick={() =>
                void act(async () => {
                  const r = await api<{ released: string[]; needs_a_look: string[] }>('POST', `${base}/redactions/release`, {});
                  setBulkResult(t('review.bulkDone', { released: r.released.length, look: r.needs_a_look.length }));
                })
              }
            >
              {t('review.bulk')}
            </Button>
          </div>
        </Panel>
      )}
      {/* Outside the panel: once every text is released the panel goes, and the result stays. */}
      {isOwner && <p role="status">{bulkResult}</p>}

      {isOwner && stage === 'collecting' && (
        <Panel aria-label={t('desk.close')}>
          <div>
            <Button variant="secondary" onClick={() => setConfirming('close')}>
              {t('desk.close')}
            </Button>
          </div>
        </Panel>
      )}

      {ranking.length > 0 && (
        <section aria-labelledby="ranking-title">
          <Heading variant="h2" id="ranking-title">
            {t('desk.ranking')}
          </Heading>
          {isOwner && (
            <Paragraph>
              <a href={`${base}/ranking?format=csv`} download>
                {t('desk.rankingCsv')}
              </a>
            </Paragraph>
          )}
          <Scroll>
            <DataTable>
              <caption>{t('desk.ranking')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('desk.rank')}</th>
                  <th scope="col">{t('desk.pseudonym')}</th>
                  <th scope="col">{t('desk.weighted')}</th>
                  <th scope="col">{t('desk.disagreement')}</th>
                  {isOwner && <th scope="col">{t('eligibility.title')}</th>}
                  {isOwner && stage === 'screening' && <th scope="col">{t('desk.shortlist')}</th>}
                </tr>
              </thead>
              <tbody>
                {ranking.map((e) => (
                  <tr key={e.application_id}>
                    <td>{e.rank}</td>
                    <td>{e.pseudonym}</td>
                    <td>{formatNumber(e.weighted_score)}</td>
                    <td>{e.disagreement ? t('common.yes') : t('common.no')}</td>
                    {isOwner && (
                      <td>
                        {e.eligible === null ? t('eligibility.notAssessed') : e.eligible ? t('eligibility.eligible') : t('eligibility.notEligible')}
                      </td>
                    )}
                    {isOwner && stage === 'screening' && (
                      <td>
                        <Checkbox
                          disabled={e.eligible === false}
                          checked={chosen.includes(e.application_id)}
                          onClick={({ checkboxState }) =>
                            setChosen(checkboxState ? [...chosen, e.application_id] : chosen.filter((x) => x !== e.application_id))
                          }
                        >
                          {t('desk.shortlist')}: {e.pseudonym}
                        </Checkbox>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </Scroll>
          {isOwner && stage === 'screening' && (
            <Panel>
              <Row>
                <TextInput labelText={t('desk.topCount')} type="number" value={topCount}
                  onChange={(v) => setTopCount(String(v ?? ''))} />
                <div>
                  <Button variant="secondary"
                    onClick={() => setChosen(ranking.filter((e) => e.eligible !== false).slice(0, Math.max(0, Number(topCount) || 0)).map((e) => e.application_id))}>
                    {t('desk.chooseTop', { count: Math.max(0, Number(topCount) || 0) })}
                  </Button>{' '}
                  <Button variant="secondaryNoBorder" disabled={chosen.length === 0} onClick={() => setChosen([])}>
                    {t('desk.chooseNone')}
                  </Button>
                </div>
              </Row>
              <TextInput labelText={t('desk.shortlistReason')} value={reason} onChange={(v) => setReason(String(v ?? ''))} fullWidth />
              <div>
                <Button
                  disabled={chosen.length === 0}
                  onClick={() => setConfirming('shortlist')}
                >
                  {t('desk.shortlist')} ({chosen.length})
                </Button>
              </div>
            </Panel>
          )}
        </section>
      )}

      {isOwner && (stage === 'shortlisted' || stage === 'decided') && rec.anonymous && (
        <Panel aria-label={t('desk.liftTitle')}>
          <Text>{t('desk.shortlistDone')}</Text>
          {stage === 'shortlisted' && (
            <div>
              <Button variant="secondary" onClick={() => setLiftTarget('all')}>
                {t('desk.liftAll')}
              </Button>
            </div>
          )}
        </Panel>
      )}

      {/* Interviews come before the decision they lead to. */}
      {(stage === 'shortlisted' || stage === 'decided') && (isOwner || isReviewer) && (
        <Interviews rec={rec} isOwner={isOwner} candidates={candidates} />
      )}
      {isOwner && stage !== 'decided' && stage !== 'draft' && <DecisionMakerChoice rec={rec} onSaved={reload} />}
      {isOwner && stage !== 'draft' && <DiaryNumber rec={rec} onSaved={reload} />}
      {isOwner && stage === 'shortlisted' && rec.decision_maker_id ? (
        <Paragraph>{t('decisionDesk.decidedByOther')}</Paragraph>
      ) : null}
      {isOwner && stage === 'shortlisted' && !rec.decision_maker_id && (
        <DecisionForm
          candidates={screening.shortlist.map((x) => ({ id: x.application_id, label: x.pseudonym }))}
          languages={rec.languages}
          onDecide={(choice) => void act(() => api('POST', `${base}/decision`, choice))}
        />
      )}

      {isOwner && stage === 'decided' && <AcceptancePanel base={base} />}
      {isOwner && stage === 'decided' && <NoticeDeliveries base={base} />}
      {isOwner && stage === 'decided' && <LegalHold recruitmentId={rec.id} />}
      {isOwner && stage !== 'draft' && <Rectifications base={base} />}

      {decision?.decided && (
        <DecisionMade base={base} title={t('desk.decision')} outcomes={decision.outcomes ?? []} withDocument={isOwner} />
      )}


      <Heading variant="h2">{t('desk.title')}</Heading>
      {isReviewer && rec.questions.length > 0 && stage !== 'collecting' && (
        <div role="group" aria-label={t('desk.title')}>
          <Button variant={chunked ? 'secondary' : 'default'} aria-pressed={!chunked} onClick={() => setChunked(false)}>
            {t('more.allApplications')}
          </Button>{' '}
          <Button variant={chunked ? 'default' : 'secondary'} aria-pressed={chunked} onClick={() => setChunked(true)}>
            {t('more.chunk')}
          </Button>
        </div>
      )}
      {chunked && isReviewer && <ChunkView rec={rec} editable={stage === 'screening'} />}
      {!chunked && apps.length > 0 && (
        <>
          <ApplicationToolbar list={list} />
          <ApplicationTable list={list} criteria={rec.criteria} />
        </>
      )}
      {!chunked && list.items.map((app) => (
        <Card key={app.id} aria-labelledby={`app-${app.id}`}>
          <Heading variant="h3" id={`app-${app.id}`} tabIndex={-1}>
            {t('desk.pseudonym')} {app.pseudonym}
          </Heading>
          {app.lifted && <StaticChip>{t('desk.lifted')}</StaticChip>} {app.withdrawn && <StaticChip>{t('desk.withdrawn')}</StaticChip>}{' '}
          {shortlisted.has(app.id) && <StaticChip>{t('desk.shortlist')}</StaticChip>}{' '}
          {app.eligible === false && !isOwner && <StaticChip>{t('eligibility.notEligible')}</StaticChip>}
          {app.recused ? (
            <Paragraph>{t('desk.recused')}</Paragraph>
          ) : (
            <>
              {app.identity && (
                <>
                  <Text variant="bold">{t('desk.identity')}</Text>
                  <Paragraph>
                    {app.identity.first_name} {app.identity.last_name}, {app.identity.email}, {app.identity.phone}
                  </Paragraph>
                </>
              )}
              <Merits app={app} />
              {isOwner && !app.withdrawn && (
                <Eligibility
                  key={`${app.id}-${eligibility.get(app.id)?.assessed_at ?? 0}`}
                  base={base}
                  applicationId={app.id}
                  pseudonym={app.pseudonym}
                  current={eligibility.get(app.id)}
                  editable={stage === 'screening'}
                  onSaved={reload}
                />
              )}
              <Text variant="bold">{t('desk.redacted')}</Text>
              {app.free_text ? (
                <div className="free-text">
                  {app.free_text.cover_letter && <Paragraph>{app.free_text.cover_letter}</Paragraph>}
                  {app.free_text.answers.map((a) => (
                    <Paragraph key={a.question_id}>
                      <strong>{localized(rec.questions.find((q) => q.id === a.question_id)?.text)}</strong>: {a.text}
                    </Paragraph>
                  ))}
                </div>
              ) : (
                <Paragraph>{t('desk.notReleased')}</Paragraph>
              )}
              <Attachments rec={rec} app={app} isOwner={isOwner} onChanged={reload} />
              {isOwner && !app.free_text && reviewing !== app.id && (
                <Button variant="secondary" onClick={() => setReviewing(app.id)}>
                  {t('review.check')}: {app.pseudonym}
                </Button>
              )}
              {isOwner && reviewing === app.id && (
                <RedactionReview
                  rec={rec}
                  applicationId={app.id}
                  onDone={() => {
                    // Close only once the list shows the release (no flash of the old button).
                    void reload().then(() => setReviewing(null));
                  }}
                />
              )}
              {isOwner && stage === 'shortlisted' && rec.anonymous && shortlisted.has(app.id) && !app.lifted && (
                <Button variant="secondary" onClick={() => setLiftTarget([app.id])}>
                  {t('desk.lift')}: {app.pseudonym}
                </Button>
              )}
              {isOwner && stage === 'decided' && !app.withdrawn && !explanations[app.id] && (
                <Button variant="secondary" onClick={() => void showExplanation(app.id)}>
                  {t('more.showExplanation')}: {app.pseudonym}
                </Button>
              )}
              {explanations[app.id] && (
                <Explanation
                  data={explanations[app.id]}
                  pdf={`${base}/applications/${app.id}/explanation?format=pdf&lang=${i18n.language}`}
                />
              )}
              {isRegistry && !identities[app.id] && recordsRequest && (
                <div>
                  <Button variant="secondary" onClick={() => void requestIdentity(app.id)}>
                    {t('more.showIdentity')}: {app.pseudonym}
                  </Button>
                </div>
              )}
              {identities[app.id] && (
                <Paragraph>
                  {identities[app.id].first_name} {identities[app.id].last_name}, {identities[app.id].email}
                </Paragraph>
              )}
              {isReviewer && app.eligible === false && <Paragraph>{t('eligibility.notScored')}</Paragraph>}
              {isReviewer && !app.withdrawn && app.eligible !== false && (stage === 'screening' || stage === 'shortlisted' || stage === 'decided') && (
                <ScoreForm recruitmentId={rec.id} applicationId={app.id} criteria={rec.criteria} editable={stage === 'screening'}
                  onSaved={() => void refreshProgress()} />
              )}
              {isReviewer && stage === 'screening' && !app.withdrawn && (
                <Button variant="secondaryNoBorder" onClick={() => setRecuseTarget(app.id)}>
                  {t('desk.recuse')}
                </Button>
              )}
            </>
          )}
        </Card>
      ))}
      {!chunked && <ApplicationPager list={list} />}

      <ConfirmDialog
        visible={liftTarget !== null}
        title={t('desk.liftTitle')}
        confirmText={t('desk.liftConfirm')}
        confirmDisabled={liftReason.trim().length < 10}
        onCancel={() => setLiftTarget(null)}
        onConfirm={() => {
          const target = liftTarget;
          setLiftTarget(null);
          void act(() =>
            api('POST', `${base}/lift`, target === 'all' ? { all: true, reason: liftReason } : { application_ids: target, reason: liftReason }),
          );
        }}
      >
        <Paragraph>{t('desk.liftWarning')}</Paragraph>
        <TextInput labelText={t('desk.liftReason')} value={liftReason} onChange={(v) => setLiftReason(String(v ?? ''))} fullWidth />
      </ConfirmDialog>
      {/* Steps that cannot be undone: what will happen, then the owner confirms. */}
      <ConfirmDialog
        visible={confirming !== null}
        title={confirming ? t(`desk.confirm_${confirming}_title`) : ''}
        confirmText={confirming ? t(`desk.confirm_${confirming}_button`) : ''}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          const step = confirming;
          setConfirming(null);
          if (step === 'close') void act(() => api('POST', `${base}/close`, {}));
          if (step === 'shortlist') void act(() => api('POST', `${base}/shortlist`, { application_ids: chosen, reason }));
        }}
      >
        {confirming === 'close' && <Paragraph>{t('desk.confirm_close_text', { count: apps.length })}</Paragraph>}
        {confirming === 'shortlist' && <Paragraph>{t('desk.confirm_shortlist_text', { count: chosen.length })}</Paragraph>}
      </ConfirmDialog>
      <ConfirmDialog
        visible={recuseTarget !== null}
        title={t('desk.recuse')}
        confirmText={t('desk.recuse')}
        onCancel={() => setRecuseTarget(null)}
        onConfirm={() => {
          const target = recuseTarget;
          setRecuseTarget(null);
          void act(() => api('POST', `${base}/applications/${target}/recusal`, { confirm: true }));
        }}
      >
        <Paragraph>{t('desk.recuseConfirm')}</Paragraph>
      </ConfirmDialog>
    </>
  );
}

// The decision-maker takes no part in screening: their own desk shows what the decision needs.
function DeskForRole() {
  const { me } = useSession();
  const { id } = useParams();
  if (me?.user.role === 'decision_maker') return <DecisionDesk id={id ?? ''} />;
  return <DeskPage />;
}

export function Desk() {
  return (
    <RequireStaff>
      <DeskForRole />
    </RequireStaff>
  );
}
