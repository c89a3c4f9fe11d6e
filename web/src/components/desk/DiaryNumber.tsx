import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, TextInput } from 'suomifi-ui-components';
import { api, type Recruitment } from '../../api';
import { Panel } from '../Panel';
import { useSaveAction } from '../SaveAction';

// The registry's diary number (diaarinumero) of the recruitment, printed on the decision and the
// other documents; the owner or the registry office sets it when the matter is registered.
export function DiaryNumber({ rec, onSaved }: { rec: Recruitment; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(rec.diary_number ?? '');
  const { run, footer } = useSaveAction();
  const save = () =>
    void run(async () => {
      await api('PUT', `/api/v1/recruitments/${rec.id}/diary-number`, { diary_number: value.trim() });
      await onSaved();
    });
  return (
    <Panel aria-labelledby="diary-title">
      <Heading variant="h2" id="diary-title">
        {t('diary.title')}
      </Heading>
      <TextInput labelText={t('diary.label')} hintText={t('diary.hint')} value={value} maxLength={60}
        onChange={(v) => setValue(String(v ?? ''))} />
      {footer(save)}
    </Panel>
  );
}
