import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioButton, RadioButtonGroup, StaticChip, TextInput } from 'suomifi-ui-components';
import { api, type EligibilityAssessment } from '../../api';
import { useSaveAction } from '../SaveAction';

// The owner's eligibility call on one application (kelpoisuus: the degree, licence or language
// skill the ad requires), judged from the anonymous merits. "Not eligible" needs the requirement
// it misses; reviewers never see any of it. Changeable until the shortlist.
export function Eligibility({
  base,
  applicationId,
  pseudonym,
  current,
  editable,
  onSaved,
}: {
  base: string;
  applicationId: string;
  pseudonym: string;
  current?: EligibilityAssessment;
  editable: boolean;
  onSaved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<string>(current ? String(current.eligible) : '');
  const [reason, setReason] = useState(current?.reason ?? '');
  const { run, footer } = useSaveAction();
  const chip = current && (
    <StaticChip>{current.eligible ? t('eligibility.eligible') : t('eligibility.notEligible')}</StaticChip>
  );
  if (!editable) {
    return current ? (
      <p>
        {chip} {!current.eligible && current.reason}
      </p>
    ) : null;
  }
  const save = () =>
    void run(async () => {
      await api('PUT', `${base}/applications/${applicationId}/eligibility`, {
        eligible: choice === 'true',
        reason: choice === 'true' ? '' : reason,
      });
      await onSaved();
    });
  return (
    <div>
      <RadioButtonGroup
        labelText={`${t('eligibility.title')}: ${pseudonym}`}
        groupHintText={t('eligibility.hint')}
        name={`eligibility-${applicationId}`}
        value={choice}
        onChange={(v) => setChoice(v)}
      >
        <RadioButton value="true">{t('eligibility.eligible')}</RadioButton>
        <RadioButton value="false">{t('eligibility.notEligible')}</RadioButton>
      </RadioButtonGroup>
      {choice === 'false' && (
        <TextInput
          labelText={t('eligibility.reason')}
          hintText={t('eligibility.reasonHint')}
          value={reason}
          maxLength={1000}
          onChange={(v) => setReason(String(v ?? ''))}
          fullWidth
        />
      )}
      {choice !== '' && footer(save, `${t('eligibility.save')}: ${pseudonym}`)}
    </div>
  );
}
