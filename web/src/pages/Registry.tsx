import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import styled, { createGlobalStyle } from 'styled-components';
import { Button, Checkbox, DropdownItem, Heading, InlineAlert, Paragraph, Text, TextInput, Textarea } from 'suomifi-ui-components';
import { Dropdown } from '../components/Dropdown';
import { api, apiFile, type Recruitment } from '../api';
import { ErrorMessage, Loading } from '../components/Feedback';
import { Fieldset, Row } from '../components/FormLayout';
import { MeritList } from '../components/MeritList';
import { Panel } from '../components/Panel';
import { RequireStaff } from '../components/RequireStaff';
import { DataTable, Scroll } from '../components/Table';
import { formatDate, localized } from '../i18n';
import { useSession } from '../session';
import { fromIsoDate, toIsoDate, unixToHelsinki } from '../dates';
import { DateField } from '../components/DateField';

// The registry office's register of public-records requests: record a request as it arrived,
// decide it, give out the list of applicants or masked copies (each logged), print the decision.

interface RecordsRequest {
  id: number;
  recruitment_id: number;
  requester: string;
  requester_contact: string;
  received_on: string;
  subject: string;
  applicant_list: boolean;
  applications: boolean;
  decision: 'open' | 'disclose' | 'partly' | 'refuse';
  ground: string;
  explanation: string;
  answered_on: string;
}
interface RequestFile extends RecordsRequest {
  recruitment_title: string;
  application_period_over: boolean;
  disclosures: { kind: string; application_id: string; at: number }[];
}
interface Listed {
  number: string;
  name: string | null;
  withheld: boolean;
  application_id?: string; // withheld lines: for deciding on the wish
  wish_overridden?: string; // the ground on which a wished-away name is given
}

// A non-disclosure wish does not bind by itself: the registry finds, applicant by applicant, that
// no secrecy provision protects the name and records the ground; the next list given then has it.
function WishOverride({ id, withheld, onSaved }: { id: string; withheld: Listed[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState('');
  const [ground, setGround] = useState('');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    setError(null);
    try {
      await api('POST', `/api/v1/records-requests/${id}/wish-overrides`, { application_id: chosen, ground });
      setSaved(true);
      setGround('');
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Fieldset>
      <legend>{t('registry.wishTitle')}</legend>
      <Paragraph>{t('registry.wishHint')}</Paragraph>
      <Dropdown labelText={t('registry.wishWhich')} visualPlaceholder={t('registry.choose')} value={chosen}
        onChange={(v) => setChosen(v)}>
        {withheld.map((l) => (
          <DropdownItem key={l.application_id} value={l.application_id ?? ''}>
            {t('registry.number')} {l.number}
          </DropdownItem>
        ))}
      </Dropdown>
      <Textarea labelText={t('registry.wishGround')} value={ground} onChange={(e) => setGround(e.target.value)} fullWidth />
      <div>
        <Button variant="secondary" disabled={!chosen || ground.trim().length < 10} onClick={() => void save()}>
          {t('registry.wishSave')}
        </Button>
      </div>
      <p role="status">{saved ? t('registry.wishSaved') : ''}</p>
      <ErrorMessage error={error} />
    </Fieldset>
  );
}
interface MaskedCopy {
  name: string;
  merits: import('../api').Merits;
  cover_letter: string;
  answers: { question_id: string; text: string }[];
  masked_parts: number;
}
interface DecisionDocument {
  title: string;
  paragraphs: string[];
}

// Printing the decision prints the document alone.
const PrintOnly = createGlobalStyle`
  @media print {
    body * {
      visibility: hidden;
    }
    .print-document,
    .print-document * {
      visibility: visible;
    }
    .print-document {
      position: absolute;
      inset: 0 auto auto 0;
    }
    .print-document button {
      display: none;
    }
  }
`;

const RequestPanel = styled(Panel)`
  .copy {
    white-space: pre-wrap;
  }
`;

// Today on a Finnish clock, as the registry writes it ("25.11.2026").
function today() {
  return unixToHelsinki(Math.floor(Date.now() / 1000)).date;
}

function NewRequest({ recruitments, onCreated }: { recruitments: Recruitment[]; onCreated: (id: number) => void }) {
  const { t } = useTranslation();
  const [recruitment, setRecruitment] = useState('');
  const [requester, setRequester] = useState('');
  const [contact, setContact] = useState('');
  const [received, setReceived] = useState(today());
  const [subject, setSubject] = useState('');
  const [list, setList] = useState(true);
  const [applications, setApplications] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setError(null);
    try {
      const created = await api<RecordsRequest>('POST', '/api/v1/records-requests', {
        recruitment_id: Number(recruitment),
        requester,
        requester_contact: contact,
        received_on: toIsoDate(received) ?? received,
        subject,
        applicant_list: list,
        applications,
      });
      setRequester('');
      setContact('');
      setSubject('');
      onCreated(created.id);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Fieldset>
      <legend>{t('registry.new')}</legend>
      {/* The design system's dropdown needs at least one item. */}
      {recruitments.length > 0 && (
        <Dropdown labelText={t('registry.recruitment')} visualPlaceholder={t('registry.choose')} value={recruitment}
          onChange={(v) => setRecruitment(v)}>
          {recruitments.map((r) => (
            <DropdownItem key={r.id} value={String(r.id)}>
              {localized(r.title)}
            </DropdownItem>
          ))}
        </Dropdown>
      )}
      <Row>
        <TextInput labelText={t('registry.requester')} value={requester} onChange={(v) => setRequester(String(v ?? ''))} fullWidth />
        <TextInput labelText={t('registry.contact')} optionalText={t('common.optional')} value={contact}
          onChange={(v) => setContact(String(v ?? ''))} fullWidth />
        <DateField labelText={t('registry.received')} value={received} onChange={setReceived} required />
      </Row>
      <Textarea labelText={t('registry.subject')} value={subject} onChange={(e) => setSubject(e.target.value)} fullWidth />
      <Checkbox checked={list} onClick={({ checkboxState }) => setList(checkboxState)}>
        {t('registry.asksList')}
      </Checkbox>
      <Checkbox checked={applications} onClick={({ checkboxState }) => setApplications(checkboxState)}>
        {t('registry.asksApplications')}
      </Checkbox>
      <ErrorMessage error={error} />
      <div>
        <Button onClick={() => void submit()} disabled={!recruitment}>
          {t('registry.register')}
        </Button>
      </div>
    </Fieldset>
  );
}

function DecisionForm({ id, onDecided }: { id: number; onDecided: () => void }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState('disclose');
  const [ground, setGround] = useState('');
  const [explanation, setExplanation] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setError(null);
    try {
      await api('POST', `/api/v1/records-requests/${id}/decision`, { decision, ground, explanation });
      onDecided();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Fieldset>
      <legend>{t('registry.decide')}</legend>
      <Dropdown labelText={t('registry.decision')} value={decision} onChange={(v) => setDecision(v)}>
        {(['disclose', 'partly', 'refuse'] as const).map((d) => (
          <DropdownItem key={d} value={d}>
            {t(`registry.decision_${d}`)}
          </DropdownItem>
        ))}
      </Dropdown>
      <TextInput labelText={t('registry.ground')} hintText={t('registry.groundHint')}
        optionalText={decision === 'disclose' ? t('common.optional') : undefined} value={ground}
        onChange={(v) => setGround(String(v ?? ''))} fullWidth />
      <Textarea labelText={t('registry.explanation')} optionalText={decision === 'refuse' ? undefined : t('common.optional')}
        value={explanation} onChange={(e) => setExplanation(e.target.value)} fullWidth />
      <ErrorMessage error={error} />
      <div>
        <Button onClick={() => void submit()}>{t('registry.saveDecision')}</Button>
      </div>
    </Fieldset>
  );
}

function RequestDetail({ id, onChange }: { id: number; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const [file, setFile] = useState<RequestFile | null>(null);
  const [applications, setApplications] = useState<{ id: string; pseudonym: string }[]>([]);
  const [chosen, setChosen] = useState('');
  const [list, setList] = useState<Listed[] | null>(null);
  const [copy, setCopy] = useState<MaskedCopy | null>(null);
  const [copyPdf, setCopyPdf] = useState<string | null>(null);
  const [doc, setDoc] = useState<DecisionDocument | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      const f = await api<RequestFile>('GET', `/api/v1/records-requests/${id}`);
      setFile(f);
      if (me?.user.role === 'registry' && f.applications && f.application_period_over) {
        const a = await api<{ applications: { id: string; pseudonym: string }[] }>(
          'GET',
          `/api/v1/recruitments/${f.recruitment_id}/applications`,
        );
        setApplications(a.applications);
      }
    } catch (e) {
      setError(e);
    }
  }, [id, me]);
  useEffect(() => {
    setList(null);
    setCopy(null);
    setDoc(null);
    void load();
  }, [load]);
  const act = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
      await load();
      onChange();
    } catch (e) {
      setError(e);
    }
  };
  if (!file) return error ? <ErrorMessage error={error} /> : <Loading />;
  const isRegistry = me?.user.role === 'registry';
  const mayGive = file.decision === 'disclose' || file.decision === 'partly';
  return (
    <RequestPanel aria-labelledby="request-heading">
      <Heading variant="h2" id="request-heading">
        {t('registry.request')} {file.id}: {file.requester}
      </Heading>
      <Paragraph>
        {t('registry.recruitment')}: {file.recruitment_title} · {t('registry.received')}: {fromIsoDate(file.received_on)}
      </Paragraph>
      <Paragraph>{file.subject}</Paragraph>
      <Paragraph>
        {t('registry.decision')}: <strong>{t(`registry.decision_${file.decision}`)}</strong>
        {file.ground && <> · {file.ground}</>}
        {file.answered_on && <> · {file.answered_on}</>}
      </Paragraph>
      {isRegistry && file.decision === 'open' && <DecisionForm id={file.id} onDecided={() => void act(async () => {})} />}
      {isRegistry && mayGive && !file.application_period_over && <InlineAlert>{t('registry.periodOpen')}</InlineAlert>}
      {isRegistry && mayGive && file.application_period_over && file.applicant_list && (
        <div>
          <Button variant="secondary" onClick={() => void act(async () => {
            const r = await api<{ applicants: Listed[] }>('POST', `/api/v1/records-requests/${id}/applicant-list`);
            setList(r.applicants);
          })}>
            {t('registry.giveList')}
          </Button>
        </div>
      )}
      {list && (
        <Scroll>
          <DataTable>
            <caption>{t('registry.applicantList')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.number')}</th>
                <th scope="col">{t('registry.name')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((l) => (
                <tr key={l.number}>
                  <td>{l.number}</td>
                  <td>
                    {l.withheld ? t('registry.withheld') : l.name}
                    {l.wish_overridden ? ` (${t('registry.wishOverridden')}: ${l.wish_overridden})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </Scroll>
      )}
      {isRegistry && list && list.some((l) => l.withheld) && (
        <WishOverride id={String(id)} withheld={list.filter((l) => l.withheld)} onSaved={onChange} />
      )}
      {isRegistry && mayGive && file.application_period_over && file.applications && applications.length > 0 && (
        <Row>
          <Dropdown labelText={t('registry.application')} visualPlaceholder={t('registry.choose')} value={chosen}
            onChange={(v) => setChosen(v)}>
            {applications.map((a) => (
              <DropdownItem key={a.id} value={a.id}>
                {a.pseudonym}
              </DropdownItem>
            ))}
          </Dropdown>
          <div>
            <Button variant="secondary" disabled={!chosen} onClick={() => void act(async () => {
              setCopy(await api<MaskedCopy>('POST', `/api/v1/records-requests/${id}/masked-copies`, { application_id: chosen }));
            })}>
              {t('registry.giveCopy')}
            </Button>{' '}
            <Button variant="secondary" disabled={!chosen} onClick={() => void act(async () => {
              const pdf = await apiFile('POST', `/api/v1/records-requests/${id}/masked-copies?format=pdf&lang=${i18n.language}`,
                { application_id: chosen });
              setCopyPdf(URL.createObjectURL(pdf));
            })}>
              {t('registry.giveCopyPdf')}
            </Button>
            {copyPdf && (
              <p>
                <a href={copyPdf} download={`jaljennos-${id}.pdf`}>{t('registry.openCopyPdf')}</a>
              </p>
            )}
          </div>
        </Row>
      )}
      {copy && (
        <section aria-label={t('registry.maskedCopy')}>
          <Text variant="bold">{t('registry.maskedCopy')}: {copy.name}</Text>
          <Paragraph>{t('registry.maskedParts', { count: copy.masked_parts })}</Paragraph>
          <MeritList merits={copy.merits} />
          <Paragraph className="copy">{copy.cover_letter}</Paragraph>
          {copy.answers.map((a) => (
            <Paragraph key={a.question_id} className="copy">{a.text}</Paragraph>
          ))}
        </section>
      )}
      {file.decision !== 'open' && (
        <div>
          <Button variant="secondary" onClick={() => void act(async () => {
            setDoc(await api<DecisionDocument>('GET', `/api/v1/records-requests/${id}/decision-document?lang=${i18n.language}`));
          })}>
            {t('registry.showDecision')}
          </Button>
        </div>
      )}
      {doc && (
        <article aria-label={doc.title} className="print-document">
          <PrintOnly />
          <Heading variant="h3">{doc.title}</Heading>
          {doc.paragraphs.map((p, i) => (
            <Paragraph key={i}>{p}</Paragraph>
          ))}
          <Button variant="secondaryNoBorder" onClick={() => window.print()}>
            {t('registry.print')}
          </Button>{' '}
          <a href={`/api/v1/records-requests/${id}/decision-document?lang=${i18n.language}&format=pdf`} download>
            {t('registry.pdf')}
          </a>
        </article>
      )}
      <ErrorMessage error={error} />
      <Scroll>
        <DataTable>
          <caption>{t('registry.log')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('registry.when')}</th>
              <th scope="col">{t('registry.what')}</th>
            </tr>
          </thead>
          <tbody>
            {file.disclosures.length === 0 && (
              <tr>
                <td colSpan={2}>{t('registry.nothingGiven')}</td>
              </tr>
            )}
            {file.disclosures.map((d, i) => (
              <tr key={i}>
                <td>{formatDate(d.at, true)}</td>
                <td>{d.kind === 'applicant_list' ? t('registry.applicantList') : t('registry.maskedCopy')}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </Scroll>
    </RequestPanel>
  );
}

function Register() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [requests, setRequests] = useState<RecordsRequest[] | null>(null);
  const [recruitments, setRecruitments] = useState<Recruitment[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      const r = await api<{ records_requests: RecordsRequest[] }>('GET', '/api/v1/records-requests');
      setRequests(r.records_requests);
      // Titles for the table (the auditor has no recruitment list: it sees numbers).
      const recs = await api<{ recruitments: Recruitment[] }>('GET', '/api/v1/recruitments').catch(() => ({
        recruitments: [] as Recruitment[],
      }));
      setRecruitments(recs.recruitments.filter((x) => x.state !== 'draft'));
    } catch (e) {
      setError(e);
    }
  }, [me]);
  useEffect(() => {
    document.title = t('registry.title') + ' – Reilu';
    void load();
  }, [load, t]);
  const titleOf = (id: number) => {
    const r = recruitments.find((x) => x.id === id);
    return r ? localized(r.title) : String(id);
  };
  return (
    <>
      <Heading variant="h1">{t('registry.title')}</Heading>
      <Paragraph>{t('registry.intro')}</Paragraph>
      <ErrorMessage error={error} />
      {me?.user.role === 'registry' && (
        <NewRequest recruitments={recruitments} onCreated={(id) => void load().then(() => setSelected(id))} />
      )}
      {!requests && !error && <Loading />}
      {requests && requests.length === 0 && <Paragraph>{t('registry.none')}</Paragraph>}
      {requests && requests.length > 0 && (
        <Scroll>
          <DataTable>
            <caption>{t('registry.requests')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.number')}</th>
                <th scope="col">{t('registry.received')}</th>
                <th scope="col">{t('registry.requester')}</th>
                <th scope="col">{t('registry.recruitment')}</th>
                <th scope="col">{t('registry.decision')}</th>
                <th scope="col">{t('registry.open')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>{r.id}</td>
                  <td>{fromIsoDate(r.received_on)}</td>
                  <td>{r.requester}</td>
                  <td>{titleOf(r.recruitment_id)}</td>
                  <td>{t(`registry.decision_${r.decision}`)}</td>
                  <td>
                    <Button variant="secondaryNoBorder" aria-label={`${t('registry.open')} ${r.id}`}
                      onClick={() => setSelected(r.id)}>
                      {t('registry.open')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </Scroll>
      )}
      {selected !== null && <RequestDetail id={selected} onChange={() => void load()} />}
    </>
  );
}

export function Registry() {
  return (
    <RequireStaff>
      <Register />
    </RequireStaff>
  );
}
