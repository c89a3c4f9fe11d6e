import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import styled from 'styled-components';
import { Button, Checkbox, DropdownItem, Heading, Text, TextInput, Textarea } from 'suomifi-ui-components';
import { Dropdown } from '../Dropdown';
import { api, type Recruitment, type User } from '../../api';
import { formatDate, localized } from '../../i18n';
import { useSession } from '../../session';
import { ErrorMessage } from '../Feedback';
import { helsinkiToUnix, parseDate, parseTime } from '../../dates';
import { DateField } from '../DateField';

interface InterviewView {
  id: number;
  application_id: string;
  pseudonym: string;
  starts_at: number;
  minutes: number;
  location: string;
  interviewers: number[];
  notes: { author_id: number; criterion_id: string; note: string; score: number | null }[];
}

const Box = styled.section`
  display: grid;
  gap: 12px;
  margin: 16px 0;
`;
const Item = styled.article`
  border: 1px solid #c8cdd0;
  padding: 12px 16px;
  display: grid;
  gap: 8px;
`;

function NotesForm({ rec, interview, onSaved }: { rec: Recruitment; interview: InterviewView; onSaved: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const mine = interview.notes.filter((n) => n.author_id === me?.user.id);
  const [notes, setNotes] = useState<Record<string, string>>(Object.fromEntries(mine.map((n) => [n.criterion_id, n.note])));
  const [scores, setScores] = useState<Record<string, string>>(
    Object.fromEntries(mine.map((n) => [n.criterion_id, n.score ? String(n.score) : ''])),
  );
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const save = async () => {
    setError(null);
    try {
      await api('PUT', `/api/v1/recruitments/${rec.id}/interviews/${interview.id}/notes`, {
        notes: rec.criteria.map((c) => ({
          criterion_id: c.id,
          note: notes[c.id] ?? '',
          score: scores[c.id] ? Number(scores[c.id]) : null,
        })),
      });
      setSaved(t('more.notesSaved'));
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <Text variant="bold">{t('more.notes')}</Text>
      {rec.criteria.map((c) => (
        <div key={c.id}>
          <Dropdown labelText={`${t('desk.score')}: ${localized(c.title)}`} value={scores[c.id] ?? ''}
            onChange={(v) => setScores({ ...scores, [c.id]: v })}>
            {['', '1', '2', '3', '4', '5'].map((v) => (
              <DropdownItem key={v || 'none'} value={v}>
                {v || '–'}
              </DropdownItem>
            ))}
          </Dropdown>
          <Textarea labelText={`${t('more.note')}: ${localized(c.title)}`} value={notes[c.id] ?? ''}
            onChange={(e) => setNotes({ ...notes, [c.id]: e.target.value })} fullWidth />
        </div>
      ))}
      <div>
        <Button onClick={() => void save()}>{t('more.saveNotes')}</Button>
      </div>
      <div aria-live="polite">{saved}</div>
      <ErrorMessage error={error} />
    </>
  );
}

// Interviews for lifted shortlisted applicants: the owner schedules (invitation with .ics by
// e-mail); interviewers and the owner write structured notes per criterion.
export function Interviews(props: { rec: Recruitment; isOwner: boolean; candidates: { id: string; label: string }[] }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { rec } = props;
  const base = `/api/v1/recruitments/${rec.id}`;
  const [list, setList] = useState<InterviewView[]>([]);
  const [users, setUsers] = useState<User[]>([]);
  const [candidate, setCandidate] = useState(props.candidates[0]?.id ?? '');
  // Applicants lifted after this opened (the desk reloads its list) become choosable at once.
  useEffect(() => {
    if (!props.candidates.some((c) => c.id === candidate)) setCandidate(props.candidates[0]?.id ?? '');
  }, [props.candidates, candidate]);
  const [when, setWhen] = useState('');
  const [whenTime, setWhenTime] = useState('');
  const [minutes, setMinutes] = useState('60');
  const [location, setLocation] = useState('');
  const [interviewers, setInterviewers] = useState<number[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const load = () =>
    api<{ interviews: InterviewView[] }>('GET', `${base}/interviews`)
      .then((r) => setList(r.interviews))
      .catch(setError);
  useEffect(() => {
    void load();
    if (props.isOwner) {
      api<{ users: User[] }>('GET', '/api/v1/users')
        .then((r) => setUsers(r.users.filter((u) => rec.reviewer_ids.includes(u.id) || u.id === rec.owner_id)))
        .catch(setError);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [base]);

  const schedule = async () => {
    setError(null);
    setNotice('');
    // On a Finnish clock, whatever the browser's zone: the invitation says the same time.
    const day = parseDate(when);
    const at = parseTime(whenTime);
    const startsAt = day && at ? helsinkiToUnix(day, at) : Number.NaN;
    try {
      await api('POST', `${base}/interviews`, {
        application_id: candidate,
        starts_at: Number.isNaN(startsAt) ? 0 : startsAt,
        minutes: Number(minutes) || 60,
        location,
        interviewers,
      });
      setNotice(t('more.scheduled'));
      await load();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Box aria-labelledby="interviews-title">
      <Heading variant="h2" id="interviews-title">
        {t('more.interviews')}
      </Heading>
      {props.isOwner && props.candidates.length > 0 && (
        <Item aria-label={t('more.schedule')}>
          <Dropdown labelText={t('desk.pseudonym')} value={candidate} onChange={(v) => setCandidate(v)}>
            {props.candidates.map((c) => (
              <DropdownItem key={c.id} value={c.id}>
                {c.label}
              </DropdownItem>
            ))}
          </Dropdown>
          <DateField labelText={t('more.when')} value={when} onChange={setWhen} />
          <TextInput labelText={t('more.whenTime')} hintText={t('dates.timeHint')} value={whenTime}
            status={whenTime && !parseTime(whenTime) ? 'error' : 'default'}
            statusText={whenTime && !parseTime(whenTime) ? t('dates.badTime') : undefined}
            onChange={(v) => setWhenTime(String(v ?? ''))} />
          <TextInput labelText={t('more.minutes')} type="number" value={minutes} onChange={(v) => setMinutes(String(v ?? ''))} />
          <TextInput labelText={t('more.location')} value={location} onChange={(v) => setLocation(String(v ?? ''))} fullWidth />
          <fieldset>
            <legend>{t('more.interviewers')}</legend>
            {users.map((u) => (
              <Checkbox key={u.id} checked={interviewers.includes(u.id)}
                onClick={({ checkboxState }) =>
                  setInterviewers(checkboxState ? [...interviewers, u.id] : interviewers.filter((x) => x !== u.id))}>
                {u.display_name}
              </Checkbox>
            ))}
          </fieldset>
          <div>
            <Button onClick={() => void schedule()}>{t('more.schedule')}</Button>
          </div>
          <div aria-live="polite">{notice}</div>
        </Item>
      )}
      <ErrorMessage error={error} />
      {list.map((i) => (
        <Item key={i.id} aria-label={`${t('more.interviews')} ${i.pseudonym}`}>
          <Text variant="bold">
            {t('desk.pseudonym')} {i.pseudonym}: {formatDate(i.starts_at, true)}, {i.minutes} min, {i.location}
          </Text>
          {(props.isOwner || i.interviewers.includes(me?.user.id ?? -1)) && (
            <NotesForm rec={rec} interview={i} onSaved={() => void load()} />
          )}
        </Item>
      ))}
    </Box>
  );
}
