import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import styled from 'styled-components';
import { Button, HintText, RadioButtonGroup, Text, Textarea } from 'suomifi-ui-components';
import { api, type Criterion, type ScoresView } from '../api';
import { localized } from '../i18n';
import { ErrorMessage } from './Feedback';
import { ScoreScale, savedAtTime, scaleSteps } from './ScoreScale';

const Box = styled.div`
  display: grid;
  gap: 12px;
  margin-top: 12px;
  padding-top: 12px;
  border-top: 1px dashed #c8cdd0;
`;
const Scale = styled(ScoreScale)`
  display: grid;
  gap: 8px;
`;

// A reviewer's scores for one application, per criterion (1–5) with optional justifications.
// Others' scores appear only once one's own are complete (the server decides).
// `onSaved` lets the desk update what depends on the scores (the reviewer's progress).
export function ScoreForm(props: {
  recruitmentId: number;
  applicationId: string;
  criteria: Criterion[];
  editable: boolean;
  onSaved?: () => void;
}) {
  const { t } = useTranslation();
  const base = `/api/v1/recruitments/${props.recruitmentId}/applications/${props.applicationId}/scores`;
  const [view, setView] = useState<ScoresView | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');

  const adopt = (v: ScoresView) => {
    setView(v);
    setValues(Object.fromEntries(v.own.map((s) => [s.criterion_id, String(s.value)])));
    setNotes(Object.fromEntries(v.own.map((s) => [s.criterion_id, s.justification])));
  };
  useEffect(() => {
    api<ScoresView>('GET', base).then(adopt).catch(setError);
  }, [base]);

  const save = async () => {
    setError(null);
    setSaved('');
    const scores = props.criteria
      .filter((c) => values[c.id])
      .map((c) => ({ criterion_id: c.id, value: Number(values[c.id]), justification: notes[c.id] ?? '' }));
    try {
      adopt(await api<ScoresView>('PUT', base, { scores }));
      setSaved(t('desk.scoresSavedAt', { time: savedAtTime() }));
      props.onSaved?.();
    } catch (e) {
      setError(e);
    }
  };

  const group = `score-${props.applicationId}`;
  return (
    <Box>
      {props.criteria.map((c) => (
        <Scale key={c.id}>
          <RadioButtonGroup
            labelText={`${localized(c.title)} (${t('editor.weight')} ${c.weight})`}
            groupHintText={localized(c.guide) || undefined}
            name={`${group}-${c.id}`}
            value={values[c.id] ?? ''}
            onChange={(v) => setValues({ ...values, [c.id]: v })}
          >
            {scaleSteps(t, !props.editable)}
          </RadioButtonGroup>
          <Textarea
            labelText={`${t('desk.justification')}: ${localized(c.title)}`}
            optionalText={t('common.optional')}
            value={notes[c.id] ?? ''}
            disabled={!props.editable}
            onChange={(e) => setNotes({ ...notes, [c.id]: e.target.value })}
            fullWidth
          />
        </Scale>
      ))}
      {props.editable && (
        <div>
          <Button onClick={() => void save()}>{t('desk.saveScores')}</Button>
        </div>
      )}
      <div aria-live="polite">{saved}</div>
      <ErrorMessage error={error} />
      {view && !view.others_visible && <HintText>{t('desk.othersHidden')}</HintText>}
      {view?.others && view.others.length > 0 && (
        <div>
          <Text variant="bold">{t('desk.others')}</Text>
          <ul>
            {view.others.map((s, i) => (
              <li key={i}>
                {localized(props.criteria.find((c) => c.id === s.criterion_id)?.title)}: {s.value}
                {s.justification ? ` – ${s.justification}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Box>
  );
}
