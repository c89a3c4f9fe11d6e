import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import styled from 'styled-components';
import { DropdownItem, HintText, Paragraph, RadioButtonGroup, Text, Textarea } from 'suomifi-ui-components';
import { Dropdown } from '../Dropdown';
import { api, type Recruitment } from '../../api';
import { localized } from '../../i18n';
import { ErrorMessage, Loading } from '../Feedback';
import { ScoreScale, savedAtTime, scaleSteps } from '../ScoreScale';

interface Chunk {
  question: { id: string; text: Record<string, string>; criterion_id: string | null };
  answers: {
    application_id: string;
    pseudonym: string;
    answer: string | null;
    own_score: { value: number; justification?: string } | null;
  }[];
}

const Answer = styled.li`
  border-bottom: 1px solid #c8cdd0;
  padding: 12px 0;
  white-space: pre-wrap;
`;

// One question at a time across all applicants (in this reviewer's own order), scored on the
// question's criterion when it has one: comparing like with like, without the rest of the file.
export function ChunkView({ rec, editable }: { rec: Recruitment; editable: boolean }) {
  const { t } = useTranslation();
  const [questionId, setQuestionId] = useState(rec.questions[0]?.id ?? '');
  const [chunk, setChunk] = useState<Chunk | null>(null);
  const [error, setError] = useState<unknown>(null);
  const base = `/api/v1/recruitments/${rec.id}`;
  const load = () =>
    api<Chunk>('GET', `${base}/chunk?question_id=${encodeURIComponent(questionId)}`).then(setChunk).catch(setError);
  useEffect(() => {
    if (questionId) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [questionId]);

  if (!questionId) return null;
  const criterion = rec.criteria.find((c) => c.id === chunk?.question.criterion_id);
  // A choice is saved when the reviewer stops on it (arrow keys move through the steps, and each
  // step is not a decision), with its justification; each answer says when it was saved.
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [why, setWhy] = useState<Record<string, string>>({});
  const [savedAt, setSavedAt] = useState<Record<string, string>>({});
  const timers = useRef<Record<string, number>>({});
  useEffect(() => {
    if (!chunk) return;
    setChoice(Object.fromEntries(chunk.answers.filter((a) => a.own_score).map((a) => [a.application_id, String(a.own_score!.value)])));
    setWhy(Object.fromEntries(chunk.answers.map((a) => [a.application_id, a.own_score?.justification ?? ''])));
  }, [chunk]);
  const save = async (applicationId: string, value: string, justification: string) => {
    if (!criterion || !value) return;
    setError(null);
    try {
      await api('PUT', `${base}/applications/${applicationId}/scores`, {
        scores: [{ criterion_id: criterion.id, value: Number(value), justification }],
      });
      setSavedAt((old) => ({ ...old, [applicationId]: savedAtTime() }));
    } catch (e) {
      setError(e);
    }
  };
  const choose = (applicationId: string, value: string) => {
    setChoice((old) => ({ ...old, [applicationId]: value }));
    window.clearTimeout(timers.current[applicationId]);
    timers.current[applicationId] = window.setTimeout(() => void save(applicationId, value, why[applicationId] ?? ''), 800);
  };
  return (
    <section aria-labelledby="chunk-title">
      <HintText id="chunk-title">{t('more.chunkHint')}</HintText>
      <Dropdown labelText={t('more.question')} value={questionId} onChange={(v) => setQuestionId(v)}>
        {rec.questions.map((q) => (
          <DropdownItem key={q.id} value={q.id}>
            {localized(q.text)}
          </DropdownItem>
        ))}
      </Dropdown>
      <ErrorMessage error={error} />
      {!chunk && !error && <Loading />}
      {chunk && (
        <>
          {criterion && (
            <Paragraph>
              {t('more.scoredOn')}: <strong>{localized(criterion.title)}</strong> {localized(criterion.guide)}
            </Paragraph>
          )}
          <ul style={{ listStyle: 'none', padding: 0 }}>
            {chunk.answers.map((a) => (
              <Answer key={a.application_id}>
                <Text variant="bold">
                  {t('desk.pseudonym')} {a.pseudonym}
                </Text>
                <Paragraph>{a.answer ?? t('more.noAnswer')}</Paragraph>
                {criterion && editable && (
                  <>
                    <ScoreScale>
                      <RadioButtonGroup
                        labelText={`${localized(criterion.title)}: ${a.pseudonym}`}
                        name={`chunk-${a.application_id}`}
                        value={choice[a.application_id] ?? ''}
                        onChange={(v) => choose(a.application_id, v)}
                      >
                        {scaleSteps(t)}
                      </RadioButtonGroup>
                    </ScoreScale>
                    <Textarea
                      labelText={`${t('desk.justification')}: ${a.pseudonym}`}
                      optionalText={t('common.optional')}
                      value={why[a.application_id] ?? ''}
                      onChange={(e) => setWhy({ ...why, [a.application_id]: e.target.value })}
                      onBlur={() => void save(a.application_id, choice[a.application_id] ?? '', why[a.application_id] ?? '')}
                      fullWidth
                    />
                    <p aria-live="polite">
                      {savedAt[a.application_id] ? t('desk.scoresSavedAt', { time: savedAt[a.application_id] }) : ''}
                    </p>
                  </>
                )}
              </Answer>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
