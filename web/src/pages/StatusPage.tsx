import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, TextInput } from 'suomifi-ui-components';
import { api, apiFile, type JobAd, type Localized } from '../api';
import { ApplyForm, type SentApplication } from './ApplyForm';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Explanation, type ExplanationData } from '../components/desk/Explanation';
import { ErrorMessage, Loading } from '../components/Feedback';
import { formatDate, localized } from '../i18n';
import { AppLink } from '../components/Layout';
import { type Offer } from '../components/desk/Acceptance';
import { RectificationRequests, type Rectification } from '../components/RectificationRequests';

interface Status {
  reference: string;
  recruitment: { id: number; title: Localized };
  status: string;
  withdrawable: boolean;
  editable: boolean;
  deadline: number;
  interviews: { starts_at: number; minutes: number; location: string }[];
  decision: { decided_at: number; appeal_ends: string } | null;
  offer: Offer | null;
  rectifications: Rectification[];
}

// The secret comes in the URL fragment (never sent to the server in a request line).
function readLink() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  return { reference: params.get('ref') ?? '', token: params.get('token') ?? '' };
}

// The way back without the link: the links go to the address the applicant applied with.
function LinksByEmail() {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState('');
  const [error, setError] = useState<unknown>(null);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api('POST', '/api/v1/applicant/links', { email: email.trim(), lang: i18n.language });
      setSentTo(email.trim());
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={(e) => void send(e)} aria-labelledby="links-title">
      <Heading variant="h2" id="links-title">
        {t('status.linksTitle')}
      </Heading>
      <TextInput labelText={t('status.linksEmail')} type="email" autoComplete="email" value={email}
        onChange={(v) => setEmail(String(v ?? ''))} />
      <div>
        <Button type="submit" disabled={!email.includes('@')}>
          {t('status.linksSend')}
        </Button>
      </div>
      <p role="status">{sentTo ? t('status.linksSent', { email: sentTo }) : ''}</p>
      <ErrorMessage error={error} />
    </form>
  );
}

export function StatusPage() {
  const { t, i18n } = useTranslation();
  const [link] = useState(readLink);
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [explanation, setExplanation] = useState<ExplanationData | null>(null);
  const explain = () =>
    api<ExplanationData>('POST', '/api/v1/applicant/explanation', link).then(setExplanation).catch(setError);

  const load = () => api<Status>('POST', '/api/v1/applicant/status', link).then(setStatus).catch(setError);
  const answer = async (accept: boolean) => {
    setError(null);
    try {
      await api('POST', '/api/v1/applicant/acceptance', { ...link, accept });
      await load();
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    document.title = t('status.title') + ' – Reilu';
    if (link.reference && link.token) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Everything held about the applicant, as a JSON file (and who has read the identity).
  // The applicant's own data as a JSON file, or as a PDF to keep (in the page's language).
  const exportOwnData = async (format: 'json' | 'pdf') => {
    try {
      const blob =
        format === 'pdf'
          ? await apiFile('POST', '/api/v1/applicant/export', { ...link, format, lang: i18n.language })
          : new Blob([JSON.stringify(await api<unknown>('POST', '/api/v1/applicant/export', link), null, 2)], {
              type: 'application/json',
            });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `reilu-${link.reference}.${format}`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(e);
    }
  };
  // After withdrawing or saving a change, the page says so where focus goes.
  const [note, setNote] = useState<'' | 'withdrawnNote' | 'amendedNote'>('');
  const noteRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (note) noteRef.current?.focus();
  }, [note]);
  // Changing the application until the deadline: the same form, filled with what was sent.
  const [amending, setAmending] = useState<{ job: JobAd; sent: SentApplication } | null>(null);
  const startAmending = async () => {
    if (!status) return;
    setError(null);
    try {
      const [job, sent] = await Promise.all([
        api<JobAd>('GET', `/api/v1/jobs/${status.recruitment.id}`),
        api<SentApplication>('POST', '/api/v1/applicant/application', link),
      ]);
      setNote('');
      setAmending({ job, sent });
      setTimeout(() => document.getElementById('apply-title')?.focus(), 0);
    } catch (e) {
      setError(e);
    }
  };
  const withdraw = async () => {
    setConfirming(false);
    try {
      await api('POST', '/api/v1/applicant/withdraw', link);
      await load();
      setNote('withdrawnNote');
    } catch (e) {
      setError(e);
    }
  };

  if (!link.reference || !link.token) {
    return (
      <>
        <Heading variant="h1">{t('status.title')}</Heading>
        <Paragraph>{t('status.missing')}</Paragraph>
        <Paragraph>{t('status.missingHelp')}</Paragraph>
        <LinksByEmail />
        <AppLink to="/">{t('nav.jobs')}</AppLink>
      </>
    );
  }
  if (amending) {
    return (
      <>
        <Heading variant="h1">{t('status.title')}</Heading>
        <ErrorMessage error={error} />
        <ApplyForm
          job={amending.job}
          amending={{
            ...link,
            sent: amending.sent,
            onSaved: () => {
              setAmending(null);
              void load().then(() => setNote('amendedNote'));
            },
            onCancel: () => setAmending(null),
          }}
        />
      </>
    );
  }
  return (
    <>
      <Heading variant="h1">{t('status.title')}</Heading>
      <ErrorMessage error={error} />
      {!status && !error && <Loading />}
      {status && (
        <>
          <Heading variant="h2">{localized(status.recruitment.title)}</Heading>
          <Paragraph>
            {t('receipt.reference')}: <strong>{status.reference}</strong>
          </Paragraph>
          <Paragraph>
            {t('status.state')}: <strong data-testid="status">{t(`status.${status.status}`)}</strong>
          </Paragraph>
          <p role="status" tabIndex={-1} ref={noteRef} className="withdrawn-note">
            {note ? t(`status.${note}`) : ''}
          </p>
          {status.editable && (
            <div>
              <Paragraph>{t('amend.until', { deadline: formatDate(status.deadline, true) })}</Paragraph>
              <Button variant="secondary" onClick={() => void startAmending()}>
                {t('amend.title')}
              </Button>
            </div>
          )}
          {status.interviews.map((i) => (
            <Paragraph key={i.starts_at}>
              {t('status.interviewAt')}: {formatDate(i.starts_at, true)}, {i.location}
            </Paragraph>
          ))}
          {status.decision && (
            <Paragraph>
              {t('status.appeal')} {formatDate(Date.parse(status.decision.appeal_ends) / 1000)}
            </Paragraph>
          )}
          {status.offer && (
            <section aria-labelledby="offer-title">
              <Heading variant="h3" id="offer-title">
                {t('acceptance.yourOffer')}
              </Heading>
              <Paragraph>{t(`acceptance.yours_${status.offer.state}`)}</Paragraph>
              {status.offer.conditions.length > 0 && (
                <ul aria-label={t('acceptance.conditions')}>
                  {status.offer.conditions.map((c, i) => (
                    <li key={i}>
                      {t(`acceptance.kind_${c.kind}`)}
                      {c.note ? ` (${c.note})` : ''}: {t(`acceptance.result_${c.met === null ? 'open' : c.met ? 'met' : 'not_met'}`)}
                    </li>
                  ))}
                </ul>
              )}
              {status.offer.state === 'offered' && (
                <div>
                  <Button onClick={() => void answer(true)}>{t('acceptance.accept')}</Button>{' '}
                  <Button variant="secondary" onClick={() => void answer(false)}>
                    {t('acceptance.decline')}
                  </Button>
                </div>
              )}
            </section>
          )}
          {status.decision && !explanation && status.status !== 'withdrawn' && (
            <Button variant="secondary" onClick={() => void explain()}>
              {t('more.showExplanation')}
            </Button>
          )}
          {explanation && <Explanation data={explanation} />}
          <div>
            <Button variant="secondaryNoBorder" onClick={() => void exportOwnData('json')}>
              {t('status.export')}
            </Button>{' '}
            <Button variant="secondaryNoBorder" onClick={() => void exportOwnData('pdf')}>
              {t('status.exportPdf')}
            </Button>
          </div>
          <RectificationRequests link={link} requests={status.rectifications} onSent={load} />
          {status.withdrawable && (
            <Button variant="secondary" onClick={() => setConfirming(true)}>
              {t('status.withdraw')}
            </Button>
          )}
          <ConfirmDialog
            visible={confirming}
            title={t('status.withdraw')}
            confirmText={t('status.withdraw')}
            cancelText={t('status.keep')}
            onConfirm={() => void withdraw()}
            onCancel={() => setConfirming(false)}
          >
            <Paragraph>{t('status.withdrawConfirm')}</Paragraph>
          </ConfirmDialog>
        </>
      )}
    </>
  );
}
