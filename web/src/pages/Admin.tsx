import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import styled from 'styled-components';
import { Checkbox, DropdownItem, Heading, HintText, Paragraph, TextInput, Textarea } from 'suomifi-ui-components';
import { Dropdown } from '../components/Dropdown';
import { api, type User } from '../api';
import { Row } from '../components/FormLayout';
import { ErrorMessage, Loading } from '../components/Feedback';
import { PendingRelay } from '../components/PendingRelay';
import { useSaveAction } from '../components/SaveAction';
import { RequireStaff } from '../components/RequireStaff';
import { DataTable, Scroll } from '../components/Table';

const Section = styled.section`
  display: grid;
  gap: 12px;
  margin: 24px 0;
`;
const ROLES = ['hr', 'reviewer', 'decision_maker', 'registry', 'auditor', 'admin'] as const;
const RULES = ['mandatory', 'default_on', 'optional'] as const;

function Users() {
  const { t } = useTranslation();
  const [users, setUsers] = useState<User[] | null>(null);
  const [draft, setDraft] = useState({ username: '', display_name: '', email: '', role: 'reviewer', password: '' });
  const { run, error, setError, footer } = useSaveAction();
  const load = () => api<{ users: User[] }>('GET', '/api/v1/users').then((r) => setUsers(r.users)).catch(setError);
  useEffect(() => {
    void load();
  }, []);
  const create = () =>
    run(async () => {
      await api('POST', '/api/v1/users', draft);
      setDraft({ username: '', display_name: '', email: '', role: 'reviewer', password: '' });
      await load();
    }, t('more.created'));
  return (
    <Section aria-labelledby="users-title">
      <Heading variant="h2" id="users-title">
        {t('more.users')}
      </Heading>
      {!users && !error && <Loading />}
      {users && (
        <Scroll>
          <DataTable>
            <caption>{t('more.users')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('login.username')}</th>
                <th scope="col">{t('more.displayName')}</th>
                <th scope="col">{t('more.role')}</th>
                <th scope="col">{t('users.state')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>{u.username}</td>
                  <td>{u.display_name}</td>
                  <td>{t(`more.role_${u.role}`)}</td>
                  <td>{u.active ? t('users.active') : t('users.inactive')}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </Scroll>
      )}
      {users && <EditUser users={users} onSaved={load} />}
      <Heading variant="h3">{t('more.newUser')}</Heading>
      <Row>
        <TextInput labelText={t('login.username')} value={draft.username} onChange={(v) => setDraft({ ...draft, username: String(v ?? '') })} />
        <TextInput labelText={t('more.displayName')} value={draft.display_name}
          onChange={(v) => setDraft({ ...draft, display_name: String(v ?? '') })} />
        <TextInput labelText={t('form.email')} type="email" value={draft.email} onChange={(v) => setDraft({ ...draft, email: String(v ?? '') })} />
        <Dropdown labelText={t('more.role')} value={draft.role} onChange={(v) => setDraft({ ...draft, role: v })}>
          {ROLES.map((r) => (
            <DropdownItem key={r} value={r}>
              {t(`more.role_${r}`)}
            </DropdownItem>
          ))}
        </Dropdown>
        <TextInput labelText={t('login.password')} type="password" autoComplete="new-password" value={draft.password}
          onChange={(v) => setDraft({ ...draft, password: String(v ?? '') })} />
      </Row>
      {footer(() => void create(), t('more.create'))}
    </Section>
  );
}

// An admin changes an existing account: name, e-mail, role, or turns it off (its sessions end).
function EditUser({ users, onSaved }: { users: User[]; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState('');
  const [edit, setEdit] = useState<{ display_name: string; email: string; role: string; active: boolean } | null>(null);
  const { run, footer } = useSaveAction();
  const choose = (id: string) => {
    setChosen(id);
    const u = users.find((x) => String(x.id) === id);
    setEdit(u ? { display_name: u.display_name, email: u.email, role: u.role, active: u.active } : null);
  };
  const save = () =>
    run(async () => {
      await api('PUT', `/api/v1/users/${chosen}`, edit);
      await onSaved();
    });
  return (
    <>
      <Heading variant="h3">{t('users.edit')}</Heading>
      <Dropdown labelText={t('users.which')} visualPlaceholder={t('registry.choose')} value={chosen} onChange={choose}>
        {users.map((u) => (
          <DropdownItem key={u.id} value={String(u.id)}>
            {`${u.display_name} (${u.username})`}
          </DropdownItem>
        ))}
      </Dropdown>
      {edit && (
        <>
          <Row>
            <TextInput labelText={t('more.displayName')} value={edit.display_name}
              onChange={(v) => setEdit({ ...edit, display_name: String(v ?? '') })} />
            <TextInput labelText={t('form.email')} type="email" value={edit.email}
              onChange={(v) => setEdit({ ...edit, email: String(v ?? '') })} />
            <Dropdown labelText={t('more.role')} value={edit.role} onChange={(v) => setEdit({ ...edit, role: v })}>
              {ROLES.map((r) => (
                <DropdownItem key={r} value={r}>
                  {t(`more.role_${r}`)}
                </DropdownItem>
              ))}
            </Dropdown>
          </Row>
          <Checkbox checked={edit.active} hintText={t('users.activeHint')}
            onClick={({ checkboxState }) => setEdit({ ...edit, active: checkboxState })}>
            {t('users.activeLabel')}
          </Checkbox>
          {footer(() => void save())}
        </>
      )}
    </>
  );
}

function Policy() {
  const { t } = useTranslation();
  const [policy, setPolicy] = useState<Record<string, string> | null>(null);
  const { run, error, setError, footer } = useSaveAction();
  useEffect(() => {
    api<Record<string, string>>('GET', '/api/v1/policy').then(setPolicy).catch(setError);
  }, [setError]);
  const save = () => run(async () => setPolicy(await api('PUT', '/api/v1/policy', policy)));
  if (!policy) return error ? <ErrorMessage error={error} /> : <Loading />;
  return (
    <Section aria-labelledby="policy-title">
      <Heading variant="h2" id="policy-title">
        {t('more.policy')}
      </Heading>
      <Row>
        {(['permanent', 'fixed_term'] as const).map((term) => (
          <Dropdown key={term} labelText={t(term === 'permanent' ? 'more.permanentRule' : 'more.fixedTermRule')}
            value={policy[term]} onChange={(v) => setPolicy({ ...policy, [term]: v })}>
            {RULES.map((r) => (
              <DropdownItem key={r} value={r}>
                {t(`more.rule_${r}`)}
              </DropdownItem>
            ))}
          </Dropdown>
        ))}
      </Row>
      {footer(() => void save())}
    </Section>
  );
}

// Data minimisation: birth date, gender, nationality and mother tongue are asked only when turned on
// here, each with the legal basis the form shows to applicants.
// The voluntary equality statistics (gender, age band, language group; with the applicant's consent,
// counted only in the equality report) are turned on the same way.
const MINIMISED = ['birth_date', 'gender', 'nationality', 'mother_tongue', 'equality_statistics'] as const;

function FormFields() {
  const { t } = useTranslation();
  const [basis, setBasis] = useState<Record<string, string> | null>(null);
  const [on, setOn] = useState<Record<string, boolean>>({});
  const { run, error, setError, footer } = useSaveAction();
  useEffect(() => {
    api<{ fields: { field: string; legal_basis: string }[] }>('GET', '/api/v1/admin/form-fields')
      .then((r) => {
        setBasis(Object.fromEntries(r.fields.map((f) => [f.field, f.legal_basis])));
        setOn(Object.fromEntries(r.fields.map((f) => [f.field, true])));
      })
      .catch(setError);
  }, [setError]);
  const save = () =>
    run(() =>
      api('PUT', '/api/v1/admin/form-fields', {
        fields: MINIMISED.filter((f) => on[f]).map((f) => ({ field: f, legal_basis: basis?.[f] ?? '' })),
      }),
    );
  if (!basis) return error ? <ErrorMessage error={error} /> : <Loading />;
  return (
    <Section aria-labelledby="fields-title">
      <Heading variant="h2" id="fields-title">
        {t('admin.formFields')}
      </Heading>
      <Paragraph>{t('admin.formFieldsHint')}</Paragraph>
      {MINIMISED.map((f) => (
        <div key={f}>
          <Checkbox checked={on[f] ?? false} onClick={({ checkboxState }) => setOn({ ...on, [f]: checkboxState })}>
            {t(`form.${f}`)}
          </Checkbox>
          {on[f] && (
            <TextInput labelText={`${t('admin.legalBasis')}: ${t(`form.${f}`)}`} value={basis[f] ?? ''}
              onChange={(v) => setBasis({ ...basis, [f]: String(v ?? '') })} fullWidth />
          )}
        </div>
      ))}
      {footer(() => void save())}
    </Section>
  );
}

// The organisation's own part of the privacy notice (controller, contact), per language; the rest
// of the notice is composed from the settings above.
function PrivacyTexts() {
  const { t } = useTranslation();
  const [texts, setTexts] = useState<Record<string, string> | null>(null);
  const { run, error, setError, footer } = useSaveAction();
  useEffect(() => {
    api<{ texts: Record<string, string> }>('GET', '/api/v1/admin/privacy-notice')
      .then((r) => setTexts(r.texts))
      .catch(setError);
  }, [setError]);
  const save = () => run(() => api('PUT', '/api/v1/admin/privacy-notice', { texts }));
  if (!texts) return error ? <ErrorMessage error={error} /> : <Loading />;
  return (
    <Section aria-labelledby="privacy-title">
      <Heading variant="h2" id="privacy-title">
        {t('admin.privacy')}
      </Heading>
      <Paragraph>{t('admin.privacyHint')}</Paragraph>
      {(['fi', 'sv', 'en'] as const).map((lang) => (
        <Textarea key={lang} labelText={`${t('admin.privacyText')} (${lang.toUpperCase()})`} value={texts[lang] ?? ''}
          onChange={(e) => setTexts({ ...texts, [lang]: e.target.value })} fullWidth />
      ))}
      {footer(() => void save())}
    </Section>
  );
}

// Where applicants send a rectification request: told in every decision notice and document.
function RegistryContact() {
  const { t } = useTranslation();
  const [contact, setContact] = useState<string | null>(null);
  const { run, error, setError, footer } = useSaveAction();
  useEffect(() => {
    api<{ contact: string }>('GET', '/api/v1/admin/registry-contact')
      .then((r) => setContact(r.contact))
      .catch(setError);
  }, [setError]);
  const save = () => run(() => api('PUT', '/api/v1/admin/registry-contact', { contact }));
  if (contact === null) return error ? <ErrorMessage error={error} /> : <Loading />;
  return (
    <Section aria-labelledby="registry-contact-title">
      <Heading variant="h2" id="registry-contact-title">
        {t('admin.registryContact')}
      </Heading>
      <Paragraph>{t('admin.registryContactHint')}</Paragraph>
      <TextInput labelText={t('admin.registryContactLabel')} value={contact} onChange={(v) => setContact(String(v ?? ''))}
        fullWidth />
      {footer(() => void save())}
    </Section>
  );
}

interface RetentionPolicy {
  others_years: number;
  selected_years: number;
  interview_notes_years: number;
  records_requests_years: number;
}
interface RetentionView {
  policy: RetentionPolicy;
  schedule: { document: string; years: number; settable: boolean }[];
  legal_holds: { recruitment_id: number; reason: string; placed_at: number }[];
  due: { recruitment_id: number; applications: number; shred_key: boolean; final_on: string }[];
}

// How long applications are kept after the decision is final, the legal holds, and what the daily
// disposal would remove now (a dry run).
function Retention() {
  const { t } = useTranslation();
  const [view, setView] = useState<RetentionView | null>(null);
  const [years, setYears] = useState<Record<string, string>>({});
  const { run, error, setError, footer } = useSaveAction();
  const load = () =>
    api<RetentionView>('GET', '/api/v1/admin/retention')
      .then((v) => {
        setView(v);
        setYears(Object.fromEntries(Object.entries(v.policy).map(([k, n]) => [k, String(n)])));
      })
      .catch(setError);
  useEffect(() => {
    void load();
  }, []);
  const save = () =>
    run(async () => {
      await api('PUT', '/api/v1/admin/retention', Object.fromEntries(Object.entries(years).map(([k, v]) => [k, Number(v)])));
      await load();
    });
  // The settable document types and the policy field each is kept by.
  const field: Record<string, keyof RetentionPolicy> = {
    selected_applications: 'selected_years',
    other_applications: 'others_years',
    interview_notes: 'interview_notes_years',
    records_requests: 'records_requests_years',
  };
  if (!view) return error ? <ErrorMessage error={error} /> : <Loading />;
  return (
    <Section aria-labelledby="retention-title">
      <Heading variant="h2" id="retention-title">
        {t('admin.retention')}
      </Heading>
      <Paragraph>{t('admin.retentionHint')}</Paragraph>
      <Row>
        {view.schedule
          .filter((row) => row.settable)
          .map((row) => (
            <TextInput key={row.document} fullWidth labelText={t(`retention.doc_${row.document}`)}
              hintText={t(`retention.hint_${row.document}`)} type="number" value={years[field[row.document]] ?? ''}
              onChange={(v) => setYears({ ...years, [field[row.document]]: String(v ?? '') })} />
          ))}
      </Row>
      {footer(() => void save())}
      <Scroll>
      <DataTable>
        <caption>{t('retention.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('retention.document')}</th>
            <th scope="col">{t('retention.kept')}</th>
          </tr>
        </thead>
        <tbody>
          {view.schedule.map((row) => (
            <tr key={row.document}>
              <th scope="row">{t(`retention.doc_${row.document}`)}</th>
              <td>
                {row.years === 0 ? t('retention.permanently') : t('retention.years', { count: row.years })}
                {row.settable ? '' : ` (${t(`retention.fixed_${row.document}`)})`}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      </Scroll>
      <Paragraph>
        {view.due.length === 0
          ? t('admin.nothingDue')
          : t('admin.due', { count: view.due.reduce((n, d) => n + d.applications, 0), recruitments: view.due.length })}
      </Paragraph>
      <Paragraph>{t('admin.holds', { count: view.legal_holds.length })}</Paragraph>
    </Section>
  );
}

function Mail() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<Record<string, string | number | boolean> | null>(null);
  const [password, setPassword] = useState('');
  const { run, error, setError, footer } = useSaveAction();
  const [relayKey, setRelayKey] = useState(0);
  useEffect(() => {
    api<Record<string, string | number | boolean>>('GET', '/api/v1/admin/mail-settings')
      .then((s) => setSettings({ host: '', port: 587, security: 'starttls', username: '', from_address: '', from_name: '', ...s }))
      .catch(setError);
  }, []);
  if (!settings) return error ? <ErrorMessage error={error} /> : <Loading />;
  const field = (key: string, label: string, type: 'text' | 'number' = 'text') => (
    <TextInput labelText={label} type={type} value={String(settings[key] ?? '')}
      onChange={(v) => setSettings({ ...settings, [key]: type === 'number' ? Number(v) : String(v ?? '') })} />
  );
  // A new server is only proposed: another person confirms it.
  const save = () =>
    run(async () => {
      const body: Record<string, unknown> = { ...settings };
      delete body.transport;
      delete body.password_set;
      delete body.pending;
      if (password) body.password = password;
      setSettings(await api('PUT', '/api/v1/admin/mail-settings', body));
      setPassword('');
      setRelayKey((k) => k + 1);
    }, t('relay.waiting'));
  return (
    <Section aria-labelledby="mail-title">
      <Heading variant="h2" id="mail-title">
        {t('more.mail')}
      </Heading>
      {settings.transport === 'outbox' && <HintText>{t('more.outbox')}</HintText>}
      <PendingRelay key={relayKey} />
      <Row>
        {field('host', t('more.host'))}
        {field('port', t('more.port'), 'number')}
        <Dropdown labelText={t('more.security')} value={String(settings.security)} onChange={(v) => setSettings({ ...settings, security: v })}>
          <DropdownItem value="starttls">STARTTLS</DropdownItem>
          <DropdownItem value="tls">TLS</DropdownItem>
          <DropdownItem value="none">–</DropdownItem>
        </Dropdown>
        {field('username', t('login.username'))}
        <TextInput labelText={t('login.password')} type="password" autoComplete="new-password" value={password}
          onChange={(v) => setPassword(String(v ?? ''))} />
        {field('from_address', t('more.fromAddress'))}
        {field('from_name', t('more.fromName'))}
      </Row>
      {footer(() => void save())}
    </Section>
  );
}

export function Admin() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('more.admin') + ' – Reilu';
  }, [t]);
  return (
    <RequireStaff>
      <Heading variant="h1">{t('more.admin')}</Heading>
      <Users />
      <Policy />
      <FormFields />
      <PrivacyTexts />
      <RegistryContact />
      <Retention />
      <Mail />
    </RequireStaff>
  );
}
