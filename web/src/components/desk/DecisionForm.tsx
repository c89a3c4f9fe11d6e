import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, DropdownItem, Heading, Paragraph, Textarea } from 'suomifi-ui-components';
import { Dropdown } from '../Dropdown';
import { ConfirmDialog } from '../ConfirmDialog';
import { Panel } from '../Panel';

export interface Candidate {
  id: string;
  label: string; // pseudonym, and the name once it may be shown
}
export interface DecisionChoice {
  outcomes: { application_id: string; outcome: string }[];
  reasoning: string;
  reasoning_in?: Record<string, string>;
}

// The selection decision: an outcome for each candidate, the reasoning, and a check before the
// step that cannot be undone. Shared by the owner's desk and the decision-maker's.
// `languages`: the ad's languages; the reasoning may also be written in the others (applicants get
// it in the language they applied in).
export function DecisionForm({ candidates, languages = [], onDecide }: {
  candidates: Candidate[];
  languages?: string[];
  onDecide: (c: DecisionChoice) => void;
}) {
  const { t } = useTranslation();
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  const [reasoning, setReasoning] = useState('');
  const [reasoningIn, setReasoningIn] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const count = (o: string) => Object.values(outcomes).filter((x) => x === o).length;
  return (
    <Panel aria-labelledby="decision-title">
      <Heading variant="h2" id="decision-title">
        {t('desk.decision')}
      </Heading>
      {candidates.map((c) => (
        <Dropdown
          key={c.id}
          labelText={c.label}
          value={outcomes[c.id] ?? 'not_selected'}
          onChange={(v) => setOutcomes({ ...outcomes, [c.id]: v })}
        >
          <DropdownItem value="selected">{t('status.selected')}</DropdownItem>
          <DropdownItem value="reserve">{t('status.reserve')}</DropdownItem>
          <DropdownItem value="not_selected">{t('status.not_selected')}</DropdownItem>
        </Dropdown>
      ))}
      <Textarea labelText={t('desk.justification')} value={reasoning} onChange={(e) => setReasoning(e.target.value)} fullWidth />
      {languages.slice(1).map((l) => (
        <Textarea key={l} labelText={t('desk.reasoningIn', { language: t(`desk.language_${l}`) })} optionalText={t('common.optional')}
          hintText={t('desk.reasoningInHint')} value={reasoningIn[l] ?? ''}
          onChange={(e) => setReasoningIn({ ...reasoningIn, [l]: e.target.value })} fullWidth />
      ))}
      <div>
        <Button onClick={() => setConfirming(true)}>{t('desk.decision')}</Button>
      </div>
      <ConfirmDialog
        visible={confirming}
        title={t('desk.confirm_decision_title')}
        confirmText={t('desk.confirm_decision_button')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onDecide({
            reasoning,
            reasoning_in: reasoningIn,
            outcomes: Object.entries(outcomes).map(([application_id, outcome]) => ({ application_id, outcome })),
          });
        }}
      >
        <Paragraph>
          {t('desk.confirm_decision_text', { selected: count('selected'), reserve: count('reserve'), count: candidates.length })}
        </Paragraph>
      </ConfirmDialog>
    </Panel>
  );
}

// A decision made: who was selected or put in reserve, and (for those who may print it) the
// decision with the applicant summary as a PDF.
export function DecisionMade({
  base,
  title,
  outcomes,
  withDocument,
}: {
  base: string;
  title: string;
  outcomes: { application_id: string; pseudonym: string; outcome: string }[];
  withDocument: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Panel aria-labelledby="decided-title">
      <Heading variant="h2" id="decided-title">
        {title}
      </Heading>
      <ul>
        {outcomes
          .filter((o) => o.outcome !== 'not_selected')
          .map((o) => (
            <li key={o.application_id}>
              {o.pseudonym}: {t(`status.${o.outcome}`)}
            </li>
          ))}
      </ul>
      {withDocument && (
        <Paragraph>
          <a href={`${base}/decision-document?lang=${i18n.language}`} download>
            {t('desk.decisionPdf')}
          </a>
        </Paragraph>
      )}
    </Panel>
  );
}
