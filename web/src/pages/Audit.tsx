import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Button, DropdownItem, Heading, Paragraph, TextInput } from 'suomifi-ui-components';
import { Dropdown } from '../components/Dropdown';
import { api, type AuditEntry } from '../api';
import { ErrorMessage, Loading } from '../components/Feedback';
import { Row } from '../components/FormLayout';
import { RequireStaff } from '../components/RequireStaff';
import { DataTable, Scroll } from '../components/Table';
import { formatDate } from '../i18n';
import { useSession } from '../session';

// Kinds of action to narrow the log to (each a prefix of the action codes).
const KINDS = ['', 'identity.', 'anonymity.', 'redaction.', 'attachment.', 'screening.', 'selection.', 'records.',
  'rectification.', 'retention.', 'recruitment.', 'session.', 'user.'] as const;

// The basis or reason an entry carries, where it says why (identity reads, lifts, holds).
function why(detail: unknown): string {
  if (!detail || typeof detail !== 'object') return '';
  const d = detail as Record<string, unknown>;
  return [d.basis, d.reason].filter((x) => typeof x === 'string' && x).join(': ');
}

function Log() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const recruitment = params.get('recruitment') ?? '';
  const kind = params.get('kind') ?? '';
  const [typed, setTyped] = useState(recruitment);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = (after: number) => {
    const query = new URLSearchParams({ limit: '100', after: String(after) });
    if (recruitment) query.set('recruitment_id', recruitment);
    if (kind) query.set('action', kind);
    return api<{ entries: AuditEntry[]; next: number | null }>('GET', `/api/v1/audit?${query}`)
      .then((r) => {
        setEntries((old) => [...(after ? (old ?? []) : []), ...r.entries]);
        setNext(r.next);
      })
      .catch(setError);
  };
  useEffect(() => {
    document.title = t('audit.title') + ' – Reilu';
    setError(null);
    setEntries(null);
    void load(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [recruitment, kind]);
  const narrow = (key: string, value: string) => {
    const nextParams = new URLSearchParams(params);
    if (value) nextParams.set(key, value);
    else nextParams.delete(key);
    setParams(nextParams);
  };
  // Plain words for an action; the code itself where no words are written yet.
  const actionText = (action: string) => {
    const key = `auditActions.${action.replace('.', '_')}`;
    const text = t(key);
    return text === key ? action : text;
  };
  const isAuditor = me?.user.role === 'auditor';
  return (
    <>
      <Heading variant="h1">{t('audit.title')}</Heading>
      <Paragraph>{isAuditor ? t('audit.intro') : t('audit.introOwner')}</Paragraph>
      <Row>
        <Dropdown labelText={t('audit.kind')} value={kind} onChange={(v) => narrow('kind', v)}>
          {KINDS.map((k) => (
            <DropdownItem key={k || 'all'} value={k}>
              {t(`audit.kind_${k ? k.replace('.', '') : 'all'}`)}
            </DropdownItem>
          ))}
        </Dropdown>
        {isAuditor && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              narrow('recruitment', typed.trim());
            }}
          >
            <TextInput labelText={t('audit.recruitment')} hintText={t('audit.recruitmentHint')} value={typed}
              inputMode="numeric" onChange={(v) => setTyped(String(v ?? ''))} />
            <Button type="submit" variant="secondary">
              {t('audit.narrow')}
            </Button>
          </form>
        )}
      </Row>
      <ErrorMessage error={error} />
      {!entries && !error && <Loading />}
      {entries && entries.length === 0 && <Paragraph>{t('audit.none')}</Paragraph>}
      {entries && entries.length > 0 && (
        <Scroll>
          <DataTable>
            <caption>{recruitment ? t('audit.captionOf', { id: recruitment }) : t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.why')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq}>
                  <td>{formatDate(e.at, true)}</td>
                  <td>
                    {e.actor_name
                      ? `${e.actor_name} (${t(`admin.role_${e.actor_role}`, { defaultValue: e.actor_role })})`
                      : e.actor_id
                        ? `#${e.actor_id}`
                        : t('audit.system')}
                  </td>
                  <td>
                    <span lang={i18n.language}>{actionText(e.action)}</span>
                  </td>
                  <td>
                    {e.recruitment_id ? t('audit.recruitmentNo', { id: e.recruitment_id }) : '–'}
                    {e.application_id ? ` · ${t('audit.application')} ${e.application_id.slice(0, 8)}` : ''}
                  </td>
                  <td>{why(e.detail) || '–'}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </Scroll>
      )}
      {next !== null && (
        <Button variant="secondary" onClick={() => void load(next)}>
          {t('audit.more')}
        </Button>
      )}
    </>
  );
}

export function Audit() {
  return (
    <RequireStaff>
      <Log />
    </RequireStaff>
  );
}
