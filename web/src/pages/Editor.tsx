import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import {
  Button,
  Checkbox,
  DropdownItem,
  Heading,
  HintText,
  InlineAlert,
  Paragraph,
  TextInput,
  Textarea,
} from 'suomifi-ui-components';
import { Dropdown } from '../components/Dropdown';
import { api, type AdDetails, type Criterion, type Question, type Recruitment, type User } from '../api';
import { problemText } from '../problems';
import { Fieldset, Row } from '../components/FormLayout';
import { DateField } from '../components/DateField';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorMessage, Loading } from '../components/Feedback';
import { localized } from '../i18n';
import { RequireStaff } from '../components/RequireStaff';
import { fromIsoDate, helsinkiToUnix, parseDate, parseTime, toIsoDate, unixToHelsinki } from '../dates';

interface Problem {
  code: string;
  field: string;
  detail: string;
}


type Rule = 'mandatory' | 'default_on' | 'optional';

const AD_LOCALIZED = ['qualifications', 'salary', 'working_hours', 'location', 'starts', 'contact_title'] as const;
const EMPTY_AD: AdDetails = {
  qualifications: {}, salary: {}, working_hours: {}, location: {}, starts: {},
  contact_name: '', contact_title: {}, contact_phone: '', contact_email: '',
};

// The application period ends on a Finnish clock (16.00 unless another time is written), in
// summer and winter time alike; 0 when the date or time cannot be read (the server then names it).
function deadlineOf(date: string, time: string) {
  const d = parseDate(date);
  const at = parseTime(time || '16.00');
  return d && at ? helsinkiToUnix(d, at) : 0;
}

function Form() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const [r, setR] = useState<Partial<Recruitment> | null>(id ? null : {
    title: { fi: '' }, description: { fi: '' }, languages: ['fi'],
    employment: { relation: 'virka', term: 'permanent' }, criteria: [{ id: 'c1', title: { fi: '' }, weight: 1, guide: { fi: '' } }],
    questions: [], deadline: 0, anonymous: true, anonymity_exception_reason: '', reviewer_ids: [],
  });
  const [policy, setPolicy] = useState<Record<string, Rule>>({ permanent: 'mandatory', fixed_term: 'default_on' });
  const [reviewers, setReviewers] = useState<User[]>([]);
  const [deadline, setDeadline] = useState('');
  const [deadlineTime, setDeadlineTime] = useState('16.00');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [checking, setChecking] = useState<{ id: number; problems: Problem[] } | null>(null);

  useEffect(() => {
    document.title = t('editor.title') + ' – Reilu';
    api<Record<string, Rule>>('GET', '/api/v1/policy').then(setPolicy).catch(setError);
    api<{ users: User[] }>('GET', '/api/v1/users')
      .then((u) => setReviewers(u.users.filter((x) => x.role === 'reviewer' && x.active)))
      .catch(setError);
    if (id) {
      api<Recruitment>('GET', `/api/v1/recruitments/${id}`)
        .then((x) => {
          setR(x);
          if (x.deadline) {
            const at = unixToHelsinki(x.deadline);
            setDeadline(at.date);
            setDeadlineTime(at.time);
          }
        })
        .catch(setError);
    }
  }, [id, t]);

  if (!r) return error ? <ErrorMessage error={error} /> : <Loading />;
  const term = r.employment?.term ?? 'permanent';
  // Texts are written in every advertised language (a title given in it advertises it).
  const langs = r.languages && r.languages.length ? r.languages : ['fi'];
  const rule = policy[term];
  const set = (patch: Partial<Recruitment>) => setR({ ...r, ...patch });
  const setTitle = (lang: string, value: string) => {
    const title = { ...(r.title ?? {}), [lang]: value };
    if (!value) delete title[lang];
    const languages = ['fi', 'sv', 'en'].filter((l) => title[l]);
    // Texts in a language no longer advertised would be refused by the server: drop them.
    const keep = (text: Record<string, string> | undefined) =>
      Object.fromEntries(Object.entries(text ?? {}).filter(([l]) => languages.includes(l)));
    set({
      title,
      languages,
      description: keep(r.description),
      criteria: (r.criteria ?? []).map((c) => ({ ...c, title: keep(c.title), guide: keep(c.guide) })),
      questions: (r.questions ?? []).map((q) => ({ ...q, text: keep(q.text) })),
      ...(r.ad
        ? {
            ad: {
              ...r.ad,
              ...Object.fromEntries(AD_LOCALIZED.map((k) => [k, keep(r.ad?.[k])])),
            } as AdDetails,
          }
        : {}),
    });
  };
  const ad: AdDetails = r.ad ?? EMPTY_AD;
  const setAdText = (k: (typeof AD_LOCALIZED)[number], lang: string, value: string) => {
    const text = { ...(ad[k] ?? {}), [lang]: value };
    if (!value) delete text[lang];
    set({ ad: { ...ad, [k]: text } });
  };
  const setCriterion = (i: number, patch: Partial<Criterion>) => {
    const criteria = [...(r.criteria ?? [])];
    criteria[i] = { ...criteria[i], ...patch };
    set({ criteria });
  };
  const setQuestion = (i: number, patch: Partial<Question>) => {
    const questions = [...(r.questions ?? [])];
    questions[i] = { ...questions[i], ...patch };
    set({ questions });
  };

  const save = async (): Promise<number | null> => {
    setError(null);
    setNotice('');
    const endDate = r.employment?.end_date ?? '';
    const body = {
      ...r,
      deadline: deadlineOf(deadline, deadlineTime),
      ...(r.employment ? { employment: { ...r.employment, end_date: endDate ? (toIsoDate(endDate) ?? endDate) : endDate } } : {}),
    };
    try {
      const saved = id
        ? await api<Recruitment>('PATCH', `/api/v1/recruitments/${id}`, body)
        : await api<Recruitment>('POST', '/api/v1/recruitments', body);
      setR(saved);
      setNotice(t('editor.saved'));
      if (!id) navigate(`/staff/recruitments/${saved.id}/edit`, { replace: true });
      return saved.id;
    } catch (e) {
      setError(e);
      return null;
    }
  };
  // Publishing cannot be undone: save, ask the server what would stop it, and confirm.
  const publish = async () => {
    const saved = await save();
    if (!saved) return;
    try {
      const check = await api<{ problems: Problem[] }>('GET', `/api/v1/recruitments/${saved}/publish-check`);
      setChecking({ id: saved, problems: check.problems });
    } catch (e) {
      setError(e);
    }
  };
  const confirmPublish = async (saved: number) => {
    setChecking(null);
    try {
      await api('POST', `/api/v1/recruitments/${saved}/publish`, {});
      navigate(`/staff/recruitments/${saved}`);
    } catch (e) {
      setError(e);
    }
  };
  // The server's problem in the user's language (its field path names what is missing).
  const describe = (p: Problem) => {
    const lang = p.field.split('.').pop()?.toUpperCase() ?? '';
    if (p.field === 'reviewer_ids') return t('editor.problemReviewers');
    if (p.field === 'deadline') return t('editor.problemDeadline');
    if (p.field === 'criteria') return t('editor.problemCriteria');
    if (p.field.startsWith('description.')) return t('editor.problemDescription', { lang });
    if (p.field.startsWith('criteria.')) return t('editor.problemCriterion', { lang });
    if (p.field.startsWith('questions.')) return t('editor.problemQuestion', { lang });
    if (p.field.startsWith('ad.')) return t('editor.problemAd', { lang, what: t(`ad.${p.field.split('.')[1]}`) });
    return problemText({ status: 422, code: p.code, detail: p.detail, field: p.field }, t, i18n.language);
  };

  return (
    <>
      <Heading variant="h1">{t('editor.title')}</Heading>
      <Fieldset>
        <legend>{t('editor.title')}</legend>
        <Row>
          <TextInput labelText={t('editor.titleFi')} value={r.title?.fi ?? ''} onChange={(v) => setTitle('fi', String(v ?? ''))} fullWidth />
          <TextInput labelText={t('editor.titleSv')} optionalText={t('common.optional')} value={r.title?.sv ?? ''}
            onChange={(v) => setTitle('sv', String(v ?? ''))} fullWidth />
          <TextInput labelText={t('editor.titleEn')} optionalText={t('common.optional')} value={r.title?.en ?? ''}
            onChange={(v) => setTitle('en', String(v ?? ''))} fullWidth />
        </Row>
        {langs.map((lang) => (
          <Textarea key={lang} labelText={`${t('editor.description')} ${lang.toUpperCase()}`} value={r.description?.[lang] ?? ''}
            onChange={(e) => set({ description: { ...(r.description ?? {}), [lang]: e.target.value } })} fullWidth />
        ))}
        <Row>
          <Dropdown labelText={t('editor.relation')} value={r.employment?.relation ?? 'virka'}
            onChange={(v) => set({ employment: { ...r.employment!, relation: v as 'virka' | 'tyosuhde' } })}>
            <DropdownItem value="virka">{t('term.virka')}</DropdownItem>
            <DropdownItem value="tyosuhde">{t('term.tyosuhde')}</DropdownItem>
          </Dropdown>
          <Dropdown labelText={t('editor.term')} value={term}
            onChange={(v) => {
              const next = v as 'permanent' | 'fixed_term';
              set({
                employment: { relation: r.employment?.relation ?? 'virka', term: next,
                  ...(next === 'fixed_term' ? { fixed_term_ground: '', end_date: '' } : {}) },
                anonymous: policy[next] === 'optional' ? r.anonymous : true,
              });
            }}>
            <DropdownItem value="permanent">{t('term.permanent')}</DropdownItem>
            <DropdownItem value="fixed_term">{t('term.fixed_term')}</DropdownItem>
          </Dropdown>
          <DateField labelText={t('editor.deadline')} value={deadline} onChange={setDeadline} />
          <TextInput labelText={t('editor.deadlineTime')} hintText={t('dates.timeHint')} value={deadlineTime}
            status={!parseTime(deadlineTime) ? 'error' : 'default'}
            statusText={!parseTime(deadlineTime) ? t('dates.badTime') : undefined}
            onChange={(v) => setDeadlineTime(String(v ?? ''))} />
        </Row>
        {term === 'fixed_term' && (
          <Row>
            <TextInput labelText={t('editor.ground')} value={r.employment?.fixed_term_ground ?? ''}
              onChange={(v) => set({ employment: { ...r.employment!, fixed_term_ground: String(v ?? '') } })} />
            <DateField labelText={t('editor.endDate')} value={fromIsoDate(r.employment?.end_date ?? '')}
              onChange={(v) => set({ employment: { ...r.employment!, end_date: v } })} />
          </Row>
        )}
      </Fieldset>

      <Fieldset>
        <legend>{t('ad.details')}</legend>
        <HintText>{t('editor.adHint')}</HintText>
        {langs.map((lang) => (
          <Row key={lang} role="group" aria-label={`${t('ad.details')} ${lang.toUpperCase()}`}>
            {(['salary', 'working_hours', 'location', 'starts', 'contact_title'] as const).map((k) => (
              <TextInput key={k} labelText={`${t(`ad.${k}`)} ${lang.toUpperCase()}`} optionalText={t('common.optional')}
                value={ad[k]?.[lang] ?? ''} onChange={(v) => setAdText(k, lang, String(v ?? ''))} fullWidth />
            ))}
            <Textarea labelText={`${t('ad.qualifications')} ${lang.toUpperCase()}`} optionalText={t('common.optional')}
              value={ad.qualifications?.[lang] ?? ''} onChange={(e) => setAdText('qualifications', lang, e.target.value)} fullWidth />
          </Row>
        ))}
        <Row>
          {(['contact_name', 'contact_phone', 'contact_email'] as const).map((k) => (
            <TextInput key={k} labelText={t(`ad.${k}`)} optionalText={t('common.optional')}
              type={k === 'contact_email' ? 'email' : k === 'contact_phone' ? 'tel' : 'text'}
              value={ad[k] ?? ''} onChange={(v) => set({ ad: { ...ad, [k]: String(v ?? '') } })} fullWidth />
          ))}
        </Row>
      </Fieldset>

      <Fieldset>
        <legend>{t('editor.anonymous')}</legend>
        <InlineAlert>{rule === 'mandatory' ? t('editor.policyMandatory') : t('editor.policyDefault')}</InlineAlert>
        <Checkbox checked={r.anonymous ?? true} disabled={rule === 'mandatory'}
          onClick={({ checkboxState }) => set({ anonymous: checkboxState })}>
          {t('editor.anonymous')}
        </Checkbox>
        {!r.anonymous && (
          <TextInput labelText={t('editor.exceptionReason')} value={r.anonymity_exception_reason ?? ''}
            onChange={(v) => set({ anonymity_exception_reason: String(v ?? '') })} fullWidth />
        )}
        <HintText>{t('editor.publishNote')}</HintText>
        <Checkbox checked={r.accepts_attachments ?? false} hintText={t('files.editorHint')}
          onClick={({ checkboxState }) => set({ accepts_attachments: checkboxState })}>
          {t('files.editorAccepts')}
        </Checkbox>
      </Fieldset>

      <Fieldset>
        <legend>{t('job.criteria')}</legend>
        {(r.criteria ?? []).map((c, i) => (
          <Row key={c.id}>
            {langs.map((lang) => (
              <TextInput key={lang} labelText={`${t('editor.criterion')} ${i + 1} ${lang.toUpperCase()}`} value={c.title[lang] ?? ''}
                onChange={(v) => setCriterion(i, { title: { ...c.title, [lang]: String(v ?? '') } })} fullWidth />
            ))}
            <TextInput labelText={t('editor.weight')} type="number" value={String(c.weight)}
              onChange={(v) => setCriterion(i, { weight: Number(v) || 1 })} />
            {langs.map((lang) => (
              <TextInput key={`g${lang}`} labelText={`${t('editor.guide')} ${i + 1} ${lang.toUpperCase()}`} optionalText={t('common.optional')}
                value={c.guide?.[lang] ?? ''} onChange={(v) => setCriterion(i, { guide: { ...(c.guide ?? {}), [lang]: String(v ?? '') } })} fullWidth />
            ))}
          </Row>
        ))}
        <div>
          <Button variant="secondary" onClick={() =>
            set({ criteria: [...(r.criteria ?? []), { id: `c${(r.criteria?.length ?? 0) + 1}`, title: { fi: '' }, weight: 1, guide: { fi: '' } }] })}>
            + {t('editor.criterion')}
          </Button>
        </div>
        {(r.questions ?? []).map((q, i) => (
          <Row key={q.id}>
            {langs.map((lang) => (
              <TextInput key={lang} labelText={`${t('editor.question')} ${i + 1} ${lang.toUpperCase()}`} value={q.text[lang] ?? ''}
                onChange={(v) => setQuestion(i, { text: { ...q.text, [lang]: String(v ?? '') } })} fullWidth />
            ))}
            <Checkbox checked={q.required} onClick={({ checkboxState }) => setQuestion(i, { required: checkboxState })}>
              {t('common.required')}
            </Checkbox>
            <Dropdown labelText={`${t('more.scoredOn')} (${t('editor.question')} ${i + 1})`} value={q.criterion_id ?? ''}
              onChange={(v) => setQuestion(i, { criterion_id: v || undefined })}>
              {[<DropdownItem key="none" value="">–</DropdownItem>,
                ...(r.criteria ?? []).map((c) => (
                  <DropdownItem key={c.id} value={c.id}>
                    {localized(c.title) || c.id}
                  </DropdownItem>
                ))]}
            </Dropdown>
          </Row>
        ))}
        <div>
          <Button variant="secondary" onClick={() =>
            set({ questions: [...(r.questions ?? []), { id: `q${(r.questions?.length ?? 0) + 1}`, text: { fi: '' }, required: false }] })}>
            + {t('editor.question')}
          </Button>
        </div>
      </Fieldset>

      <Fieldset>
        <legend>{t('editor.reviewers')}</legend>
        {reviewers.map((u) => (
          <Checkbox key={u.id} checked={(r.reviewer_ids ?? []).includes(u.id)}
            onClick={({ checkboxState }) => set({
              reviewer_ids: checkboxState ? [...(r.reviewer_ids ?? []), u.id] : (r.reviewer_ids ?? []).filter((x) => x !== u.id),
            })}>
            {u.display_name}
          </Checkbox>
        ))}
      </Fieldset>

      <ErrorMessage error={error} />
      <div aria-live="polite">{notice}</div>
      <Row>
        <Button variant="secondary" onClick={() => void save()}>{t('editor.save')}</Button>
        <Button onClick={() => void publish()}>{t('editor.publish')}</Button>
        <ConfirmDialog
          visible={checking !== null}
          title={t('editor.publishTitle')}
          confirmText={t('editor.publish')}
          confirmDisabled={(checking?.problems.length ?? 0) > 0}
          onCancel={() => setChecking(null)}
          onConfirm={() => checking && void confirmPublish(checking.id)}
        >
          {checking && checking.problems.length > 0 ? (
            <>
              <Paragraph>{t('editor.problemsIntro')}</Paragraph>
              <ul>
                {checking.problems.map((p, i) => (
                  <li key={i}>{describe(p)}</li>
                ))}
              </ul>
            </>
          ) : (
            <Paragraph>{t('editor.publishSummary', { reviewers: r.reviewer_ids?.length ?? 0 })}</Paragraph>
          )}
        </ConfirmDialog>
      </Row>
    </>
  );
}

export function Editor() {
  return (
    <RequireStaff>
      <Form />
    </RequireStaff>
  );
}
