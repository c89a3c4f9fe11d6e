import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import styled from 'styled-components';
import {
  Button,
  Checkbox,
  DropdownItem,
  ErrorSummary,
  Heading,
  HintText,
  Paragraph,
  Text,
  TextInput,
  Textarea,
} from 'suomifi-ui-components';
import { Dropdown } from '../components/Dropdown';
import { api, ApiError, type EqualityStatistics, type FreeText, type Identity, type JobAd, type Merits } from '../api';
import { Fieldset, Row } from '../components/FormLayout';
import { ErrorMessage } from '../components/Feedback';
import { AppLink } from '../components/Layout';
import { formatDate, formatNumber, localized } from '../i18n';
import { forgetDraft, loadDraft, saveDraft, type ServerDraft } from '../components/FormDraft';
import { savedAtTime } from '../components/ScoreScale';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { AttachmentPicker, type ChosenFile } from '../components/AttachmentPicker';

const Preview = styled.section`
  border-left: 4px solid #2a6ebb;
  background: #eaf2fa;
  padding: 12px 16px;
  white-space: pre-wrap;
`;

const IDENTITY_FIELDS = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'birth_date',
  'gender',
  'street_address',
  'postal_code',
  'municipality',
  'mother_tongue',
  'nationality',
] as const;
const REQUIRED = new Set(['first_name', 'last_name', 'email']);
// The same rule as the server's: one @, something before it, a dotted domain after it.
const EMAIL = /^[^@\s<>,;"()\\[\]]{1,64}@([^@\s.<>,;"()\\[\]-][^@\s.<>,;"()\\[\]]*\.)+[^@\s.<>,;"()\\[\]]+$/;
// Asked only when the employer turned the field on with a legal basis (the server refuses others).
const MINIMISED = new Set(['birth_date', 'gender', 'nationality', 'mother_tongue']);

interface Receipt {
  reference: string;
  status_token: string;
}

const STATISTICS: [keyof EqualityStatistics, string[]][] = [
  ['gender', ['woman', 'man', 'other']],
  ['age_band', ['under_30', '30_44', '45_59', '60_plus']],
  ['language_group', ['fi', 'sv', 'other']],
];

// What the applicant sent, to change it until the deadline (from the status page, with its link).
export interface SentApplication {
  identity: Identity;
  merits: Merits;
  free_text: FreeText;
}
export interface Amending {
  reference: string;
  token: string;
  sent: SentApplication;
  onSaved: () => void;
  onCancel: () => void;
}

// The form's fields filled from what was sent (the inverse of body() below).
function fieldsOf(sent: SentApplication) {
  const m = sent.merits;
  return {
    identity: sent.identity,
    education: m.education.length ? m.education : [NO_EDUCATION],
    experience: m.experience.length
      ? m.experience.map((e) => ({ title: e.title, employer: e.employer, months: e.months ? String(e.months) : '', started: '', ended: '' }))
      : [NO_EXPERIENCE],
    skills: m.skills.join(', '),
    languageSkills: m.languages.map((l) => (l.level ? `${l.language}: ${l.level}` : l.language)).join(', '),
    coverLetter: sent.free_text.cover_letter,
    answers: Object.fromEntries(sent.free_text.answers.map((a) => [a.question_id, a.text])),
  };
}

const NO_EDUCATION = { level: '', field: '', institution: '' };
const NO_EXPERIENCE = { title: '', employer: '', months: '', started: '', ended: '' };
const MAX_ROWS = 10;
const MAX_TEXT = 20000; // characters, as the server counts them

export function ApplyForm({ job, amending }: { job: JobAd; amending?: Amending }) {
  const { t, i18n } = useTranslation();
  // A reload must not empty the form: what was typed is kept in this tab until it is sent. A change
  // to a sent application starts from what was sent (and keeps no copy in the tab).
  const sent = amending?.sent;
  const draft = useMemo(() => (sent ? { key: '', ...fieldsOf(sent) } : loadDraft(job.id)), [job.id, sent]);
  // The same key after a reload: a submission whose answer was lost is answered again, not doubled.
  const idempotencyKey = useMemo(() => draft?.key ?? crypto.randomUUID(), [draft]);
  const [identity, setIdentity] = useState<Identity>(
    draft?.identity ?? {
      first_name: '', last_name: '', email: '', phone: '', birth_date: '', gender: '', street_address: '',
      postal_code: '', municipality: '', mother_tongue: '', nationality: '',
      language: job.languages.includes(i18n.language) ? i18n.language : job.languages[0],
    },
  );
  const basisOf = (field: string) => job.identity_fields?.find((x) => x.field === field)?.legal_basis;
  const [education, setEducation] = useState(draft?.education ?? [NO_EDUCATION]);
  const [experience, setExperience] = useState(draft?.experience ?? [NO_EXPERIENCE]);
  const [skills, setSkills] = useState(draft?.skills ?? '');
  const [languageSkills, setLanguageSkills] = useState(draft?.languageSkills ?? '');
  const [coverLetter, setCoverLetter] = useState(draft?.coverLetter ?? '');
  const [answers, setAnswers] = useState<Record<string, string>>(draft?.answers ?? {});
  // Files are not kept in the draft (a tab's storage is too small for them); the form says so.
  const [files, setFiles] = useState<ChosenFile[]>([]);
  // Equality statistics: asked only where the employer collects them, sent only with consent.
  const asksStatistics = basisOf('equality_statistics') !== undefined;
  const [consent, setConsent] = useState(false);
  const [statistics, setStatistics] = useState<EqualityStatistics>({ gender: '', age_band: '', language_group: '' });
  // The draft on the server, when the applicant asked to keep one: saved again a moment after typing stops.
  const [serverDraft, setServerDraft] = useState<ServerDraft | null>(amending ? null : (loadDraft(job.id)?.server ?? null));
  const [draftSaved, setDraftSaved] = useState('');
  const formContent = () => ({ key: idempotencyKey, identity, education, experience, skills, languageSkills, coverLetter, answers });
  useEffect(() => {
    if (amending) return;
    saveDraft(job.id, { ...formContent(), ...(serverDraft ? { server: serverDraft } : {}) });
    if (!serverDraft) return;
    const timer = setTimeout(() => {
      api('PUT', `/api/v1/drafts/${encodeURIComponent(serverDraft.id)}`, { secret: serverDraft.secret, content: formContent() })
        .then(() => setDraftSaved(t('draft.savedAt', { time: savedAtTime() })))
        .catch(() => setDraftSaved(t('draft.notSaved')));
    }, 2000);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [amending, serverDraft, job.id, idempotencyKey, identity, education, experience, skills, languageSkills, coverLetter, answers]);
  const keepOnServer = async () => {
    setFailure(null);
    const email = identity.email.trim();
    if (!EMAIL.test(email)) return showErrors({ email: t('form.errorEmail') });
    try {
      const r = await api<{ draft: string; secret: string }>('POST', `/api/v1/jobs/${job.id}/drafts`, {
        content: formContent(),
        email,
        lang: i18n.language,
      });
      setServerDraft({ id: r.draft, secret: r.secret });
      setDraftSaved(t('draft.kept', { email }));
    } catch (e) {
      setFailure(e);
    }
  };
  const [clearing, setClearing] = useState(false);
  const clearForm = () => {
    forgetDraft(job.id);
    window.location.reload();
  };
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [preview, setPreview] = useState<FreeText | null | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  // The receipt replaces the form: move focus to its heading so screen readers announce it.
  useEffect(() => {
    if (receipt) document.getElementById('receipt-title')?.focus();
  }, [receipt]);

  const body = () => {
    const merits: Merits = {
      education: education.filter((e) => e.level || e.field || e.institution),
      experience: experience
        .filter((e) => e.title)
        .map((e) => ({ title: e.title, employer: e.employer, months: Number(e.months) || 0 })),
      skills: skills.split(',').map((s) => s.trim()).filter(Boolean),
      languages: languageSkills
        .split(',')
        .map((s) => s.split(':'))
        .filter((p) => p[0].trim())
        .map(([language, level]) => ({ language: language.trim(), level: (level ?? '').trim() })),
    };
    const free_text: FreeText = {
      cover_letter: coverLetter,
      answers: job.questions.map((q) => ({ question_id: q.id, text: answers[q.id] ?? '' })).filter((a) => a.text),
    };
    const given = statistics.gender || statistics.age_band || statistics.language_group;
    return {
      identity,
      merits,
      free_text,
      ...(asksStatistics && consent && given ? { statistics } : {}),
      ...(files.length ? { attachments: files.map(({ file_name, content }) => ({ file_name, content })) } : {}),
    };
  };

  // The server names the field; the message is said in the applicant's language, never in the
  // server's English.
  const fieldMessage = (field: string, detail: string) => {
    if (field === 'email') return t('form.errorEmail');
    if (field === 'birth_date') return t('form.errorDate');
    if (/too long/i.test(detail)) return t('form.errorTooLong');
    if (/required|not answered/i.test(detail)) return t('form.errorRequired');
    if (/does not ask/i.test(detail)) return t('form.errorNotAsked');
    return t('form.errorCheck');
  };
  const validate = () => {
    const found: Record<string, string> = {};
    for (const f of REQUIRED) if (!identity[f as (typeof IDENTITY_FIELDS)[number]].trim()) found[f] = t('form.errorRequired');
    if (identity.email.trim() && !EMAIL.test(identity.email.trim())) {
      found.email = t('form.errorEmail');
    }
    for (const q of job.questions) if (q.required && !(answers[q.id] ?? '').trim()) found[`answer-${q.id}`] = t('form.errorRequired');
    return found;
  };

  const showErrors = (found: Record<string, string>) => {
    setErrors(found);
    setTimeout(() => summaryHeading.current?.focus(), 0);
  };

  const onPreview = async () => {
    setFailure(null);
    try {
      const r = await api<{ free_text: FreeText | null }>('POST', `/api/v1/jobs/${job.id}/redaction-preview`, body());
      setPreview(r.free_text);
    } catch (e) {
      setFailure(e);
    }
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const found = validate();
    if (Object.keys(found).length) return showErrors(found);
    setSending(true);
    try {
      if (amending) {
        await api('PUT', '/api/v1/applicant/application', { reference: amending.reference, token: amending.token, ...body() });
        amending.onSaved();
        return;
      }
      const r = await api<Receipt>('POST', `/api/v1/jobs/${job.id}/applications`, body(), {
        'Idempotency-Key': idempotencyKey,
      });
      forgetDraft(job.id);
      // Sent: the draft on the server has done its work.
      if (serverDraft) {
        void api('POST', `/api/v1/drafts/${encodeURIComponent(serverDraft.id)}/discard`, { secret: serverDraft.secret }).catch(
          () => undefined,
        );
      }
      setReceipt(r);
    } catch (err) {
      if (err instanceof ApiError && err.problem.field?.startsWith('attachments')) {
        // "attachments[1]": the file the server could not take, named in the applicant's language.
        const index = Number(/\[(\d+)\]/.exec(err.problem.field)?.[1] ?? -1);
        const name = files[index]?.file_name ?? '';
        showErrors({ attachments: t(`files.error_${err.problem.code}`, { name, defaultValue: t('files.error_broken_file', { name }) }) });
      } else if (err instanceof ApiError && err.problem.field) {
        const key = err.problem.field.replace(/^identity\./, '');
        showErrors({ [key]: fieldMessage(key, err.problem.detail) });
      } else {
        setFailure(err);
      }
    } finally {
      setSending(false);
    }
  };

  if (receipt) {
    const link = `/status#ref=${encodeURIComponent(receipt.reference)}&token=${encodeURIComponent(receipt.status_token)}`;
    return (
      <section aria-labelledby="receipt-title">
        <Heading variant="h2" id="receipt-title" tabIndex={-1}>
          {t('receipt.title')}
        </Heading>
        <Paragraph>{t('receipt.text')}</Paragraph>
        <Paragraph>
          {t('receipt.reference')}: <strong data-testid="reference">{receipt.reference}</strong>
        </Paragraph>
        <AppLink to={link}>{t('receipt.follow')}</AppLink>
      </section>
    );
  }

  // The server's limit for a text, told before typing (a hint, not a live counter: a counter that
  // changes on every key is noise for screen readers, and its layout shift on blur ate clicks).
  const limitHint = t('form.charactersMax', { count: MAX_TEXT, max: formatNumber(MAX_TEXT) });
  // Each error names its own field: a question's answer by the question itself.
  const fieldName = (field: string) =>
    field.startsWith('answer-')
      ? localized(job.questions.find((q) => `answer-${q.id}` === field)?.text)
      : t(field === 'attachments' ? 'files.title' : `form.${field}`);
  const errorItems = Object.entries(errors).map(([field, text]) => ({
    text: `${fieldName(field)}: ${text}`,
    inputId: `apply-${field}`,
  }));

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="apply-title">
      <Heading variant="h2" id="apply-title">
        {amending ? t('amend.title') : t('job.apply')}
      </Heading>
      {amending && <Paragraph>{t('amend.intro', { deadline: formatDate(job.deadline, true) })}</Paragraph>}
      {errorItems.length > 0 && (
        <ErrorSummary headingText={t('form.errors')} headingRef={summaryHeading} items={errorItems} headingVariant="h3" />
      )}
      <Fieldset>
        <legend>{t('form.identityTitle')}</legend>
        <HintText>{t('form.identityHint')}</HintText>
        {job.organisation_id !== undefined && (
          <Paragraph>
            <AppLink to={`/privacy/${job.organisation_id}`}>{t('form.privacyNotice')}</AppLink>
          </Paragraph>
        )}
        <Row>
          {IDENTITY_FIELDS.filter((f) => !MINIMISED.has(f) || basisOf(f) !== undefined).map((f) => (
            <TextInput
              key={f}
              id={`apply-${f}`}
              labelText={t(`form.${f}`)}
              hintText={basisOf(f) !== undefined ? t('form.legalBasis', { basis: basisOf(f) }) : undefined}
              optionalText={REQUIRED.has(f) ? undefined : t('common.optional')}
              type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'}
              autoComplete={AUTOCOMPLETE[f]}
              value={identity[f]}
              status={errors[f] ? 'error' : 'default'}
              statusText={errors[f]}
              onChange={(v) => setIdentity({ ...identity, [f]: String(v ?? '') })}
              fullWidth
            />
          ))}
          <Dropdown
            labelText={t('form.language')}
            value={identity.language}
            onChange={(v) => setIdentity({ ...identity, language: v })}
          >
            {job.languages.map((l) => (
              <DropdownItem key={l} value={l}>
                {l === 'fi' ? 'Suomi' : l === 'sv' ? 'Svenska' : 'English'}
              </DropdownItem>
            ))}
          </Dropdown>
        </Row>
        <Checkbox
          hintText={t('form.publicHint')}
          checked={identity.non_disclosure_wish ?? false}
          onClick={({ checkboxState }) => setIdentity({ ...identity, non_disclosure_wish: checkboxState })}
        >
          {t('form.nonDisclosure')}
        </Checkbox>
      </Fieldset>

      <Fieldset>
        <legend>{t('form.meritsTitle')}</legend>
        <HintText>{t('form.meritsHint')}</HintText>
        <Text variant="bold">{t('form.education')}</Text>
        {education.map((row, i) => (
          <Row key={`education-${i}`} role="group" aria-label={`${t('form.education')} ${i + 1}`}>
            {(['level', 'field', 'institution'] as const).map((f) => (
              <TextInput key={f} labelText={numbered(t(`form.${f}`), i, education.length)} optionalText={t('common.optional')}
                value={row[f]} onChange={(v) => setEducation(replaced(education, i, { ...row, [f]: String(v ?? '') }))} fullWidth />
            ))}
            {education.length > 1 && (
              <Button variant="secondaryNoBorder" onClick={() => setEducation(education.filter((_, k) => k !== i))}>
                {t('form.removeRow', { what: `${t('form.education')} ${i + 1}` })}
              </Button>
            )}
          </Row>
        ))}
        {education.length < MAX_ROWS && (
          <div>
            <Button variant="secondary" onClick={() => setEducation([...education, NO_EDUCATION])}>
              {t('form.addEducation')}
            </Button>
          </div>
        )}
        <Text variant="bold">{t('form.experience')}</Text>
        {experience.map((row, i) => (
          <Row key={`experience-${i}`} role="group" aria-label={`${t('form.experience')} ${i + 1}`}>
            <TextInput labelText={numbered(t('form.jobTitle'), i, experience.length)} optionalText={t('common.optional')}
              value={row.title} onChange={(v) => setExperience(replaced(experience, i, { ...row, title: String(v ?? '') }))} fullWidth />
            <TextInput labelText={numbered(t('form.employer'), i, experience.length)} optionalText={t('common.optional')}
              value={row.employer} onChange={(v) => setExperience(replaced(experience, i, { ...row, employer: String(v ?? '') }))} fullWidth />
            <TextInput labelText={numbered(t('form.started'), i, experience.length)} optionalText={t('common.optional')}
              hintText={t('form.monthFormat')} value={row.started ?? ''}
              onChange={(v) => setExperience(replaced(experience, i, withDuration({ ...row, started: String(v ?? '') })))} fullWidth />
            <TextInput labelText={numbered(t('form.ended'), i, experience.length)} optionalText={t('common.optional')}
              hintText={t('form.endedHint')} value={row.ended ?? ''}
              onChange={(v) => setExperience(replaced(experience, i, withDuration({ ...row, ended: String(v ?? '') })))} fullWidth />
            <TextInput labelText={numbered(t('form.months'), i, experience.length)} optionalText={t('common.optional')}
              hintText={t('form.monthsHint')} type="number" value={row.months}
              onChange={(v) => setExperience(replaced(experience, i, { ...row, months: String(v ?? '') }))} fullWidth />
            {experience.length > 1 && (
              <Button variant="secondaryNoBorder" onClick={() => setExperience(experience.filter((_, k) => k !== i))}>
                {t('form.removeRow', { what: `${t('form.experience')} ${i + 1}` })}
              </Button>
            )}
          </Row>
        ))}
        {experience.length < MAX_ROWS && (
          <div>
            <Button variant="secondary" onClick={() => setExperience([...experience, NO_EXPERIENCE])}>
              {t('form.addExperience')}
            </Button>
          </div>
        )}
        <TextInput labelText={t('form.skills')} optionalText={t('common.optional')} value={skills}
          onChange={(v) => setSkills(String(v ?? ''))} fullWidth />
        <TextInput labelText={t('form.langSkills')} optionalText={t('common.optional')} value={languageSkills}
          onChange={(v) => setLanguageSkills(String(v ?? ''))} fullWidth />
      </Fieldset>

      {asksStatistics && !amending && (
        <Fieldset>
          <legend>{t('stats.title')}</legend>
          <HintText>{t('stats.hint', { basis: basisOf('equality_statistics') })}</HintText>
          <Checkbox checked={consent} onClick={({ checkboxState }) => setConsent(checkboxState)}>
            {t('stats.consent')}
          </Checkbox>
          {consent && (
            <Row>
              {STATISTICS.map(([field, groups]) => (
                <Dropdown key={field} labelText={t(`stats.${field}`)} optionalText={t('common.optional')}
                  value={statistics[field] || 'none'}
                  onChange={(v) => setStatistics({ ...statistics, [field]: v === 'none' ? '' : v })}>
                  {['none', ...groups].map((g) => (
                    <DropdownItem key={g} value={g}>
                      {t(`stats.${g === 'none' ? 'none' : `${field}_${g}`}`)}
                    </DropdownItem>
                  ))}
                </Dropdown>
              ))}
            </Row>
          )}
        </Fieldset>
      )}

      <Fieldset>
        <legend>{t('form.freeTitle')}</legend>
        <HintText>{t('form.freeHint')}</HintText>
        <Textarea id="apply-cover_letter" labelText={t('form.cover_letter')} optionalText={t('common.optional')}
          hintText={limitHint} value={coverLetter} onChange={(e) => setCoverLetter(e.target.value)} fullWidth />
        {job.questions.map((q) => (
          <Textarea
            key={q.id}
            id={`apply-answer-${q.id}`}
            labelText={localized(q.text)}
            optionalText={q.required ? undefined : t('common.optional')}
            value={answers[q.id] ?? ''}
            status={errors[`answer-${q.id}`] ? 'error' : 'default'}
            statusText={errors[`answer-${q.id}`]}
            onChange={(e) => setAnswers({ ...answers, [q.id]: e.target.value })}
            hintText={limitHint}
            fullWidth
          />
        ))}
        <div>
          <Button variant="secondary" onClick={() => void onPreview()}>
            {t('form.preview')}
          </Button>
        </div>
        <div aria-live="polite">
          {preview !== undefined && (
            <Preview aria-labelledby="preview-title">
              <Heading variant="h3" id="preview-title">
                {t('form.previewTitle')}
              </Heading>
              {preview === null || (!preview.cover_letter && preview.answers.length === 0) ? (
                <Paragraph>{t('form.previewNone')}</Paragraph>
              ) : (
                <>
                  {preview.cover_letter && <Paragraph>{preview.cover_letter}</Paragraph>}
                  {preview.answers.map((a) => (
                    <Paragraph key={a.question_id}>
                      <strong>{localized(job.questions.find((q) => q.id === a.question_id)?.text)}</strong>
                      {'\n'}
                      {a.text}
                    </Paragraph>
                  ))}
                </>
              )}
            </Preview>
          )}
        </div>
      </Fieldset>
      {job.accepts_attachments && !amending && (
        <Fieldset>
          <legend>{t('files.title')}</legend>
          <HintText>{t('files.hint')}</HintText>
          <AttachmentPicker jobId={job.id} identity={identity} files={files} onChange={setFiles} serverError={errors.attachments} />
        </Fieldset>
      )}
      {amending && (asksStatistics || job.accepts_attachments) && <HintText>{t('amend.keptAsSent')}</HintText>}
      <ErrorMessage error={failure} />
      {!amending && <HintText>{t('form.draftNote')}</HintText>}
      {!amending && (
        <div className="server-draft">
          {!serverDraft && (
            <>
              <HintText>{t('draft.hint')}</HintText>
              <Button variant="secondary" onClick={() => void keepOnServer()}>
                {t('draft.keep')}
              </Button>
            </>
          )}
          <p role="status">{serverDraft ? draftSaved : ''}</p>
        </div>
      )}
      <div>
        <Button type="submit" disabled={sending}>
          {sending ? t('form.sending') : amending ? t('amend.save') : t('form.submit')}
        </Button>{' '}
        {amending ? (
          <Button variant="secondaryNoBorder" onClick={amending.onCancel}>
            {t('amend.cancel')}
          </Button>
        ) : (
          <Button variant="secondaryNoBorder" onClick={() => setClearing(true)}>
            {t('form.clear')}
          </Button>
        )}
      </div>
      <ConfirmDialog visible={clearing} title={t('form.clear')} confirmText={t('form.clear')} onConfirm={clearForm}
        onCancel={() => setClearing(false)}>
        <Paragraph>{t('form.clearConfirm')}</Paragraph>
      </ConfirmDialog>
    </form>
  );
}

const AUTOCOMPLETE: Record<string, string> = {
  first_name: 'given-name',
  last_name: 'family-name',
  email: 'email',
  phone: 'tel',
  birth_date: 'bday',
  gender: 'sex',
  street_address: 'street-address',
  postal_code: 'postal-code',
  municipality: 'address-level2',
  mother_tongue: 'off',
  nationality: 'country-name',
};

// The duration from the months the work started and ended (to this month when it goes on). Only
// the duration is sent: reviewers never see years, which could tell the applicant's age.
function withDuration<T extends { started?: string; ended?: string; months: string }>(row: T): T {
  // "3.2021" (as Finns write it), "03/2021" or "2021-03".
  const month = (v: string) => {
    const typed = v.trim();
    const m = /^(\d{1,2})[./](\d{4})$/.exec(typed);
    const iso = /^(\d{4})-(\d{1,2})$/.exec(typed);
    const [year, mon] = m ? [Number(m[2]), Number(m[1])] : iso ? [Number(iso[1]), Number(iso[2])] : [0, 0];
    return year > 1900 && mon >= 1 && mon <= 12 ? year * 12 + mon - 1 : null;
  };
  const now = new Date();
  const from = month(row.started ?? '');
  const to = row.ended ? month(row.ended) : now.getFullYear() * 12 + now.getMonth();
  if (from === null || to === null || to < from) return row;
  return { ...row, months: String(to - from + 1) };
}

// "Tutkinto", then "Tutkinto 2", "Tutkinto 3": every field keeps a label of its own.
function numbered(label: string, index: number, rows: number) {
  return rows > 1 && index > 0 ? `${label} ${index + 1}` : label;
}

function replaced<T>(rows: T[], index: number, row: T) {
  return rows.map((r, k) => (k === index ? row : r));
}
