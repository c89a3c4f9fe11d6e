import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DropdownItem, Heading, Paragraph } from 'suomifi-ui-components';
import { Dropdown } from '../Dropdown';
import { api, type Recruitment } from '../../api';
import { Panel } from '../Panel';
import { useSaveAction } from '../SaveAction';

interface StaffUser {
  id: number;
  display_name: string;
  role: string;
  active: boolean;
}

// The owner names who makes the selection decision (a decision-maker of the organisation), or keeps
// it themselves; until the decision.
export function DecisionMakerChoice({ rec, onSaved }: { rec: Recruitment; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [users, setUsers] = useState<StaffUser[]>([]);
  const [choice, setChoice] = useState(String(rec.decision_maker_id ?? ''));
  const { run, footer } = useSaveAction();
  useEffect(() => {
    api<{ users: StaffUser[] }>('GET', '/api/v1/users')
      .then((r) => setUsers(r.users.filter((u) => u.role === 'decision_maker' && u.active)))
      .catch(() => setUsers([]));
  }, []);
  const save = () =>
    void run(async () => {
      await api('PUT', `/api/v1/recruitments/${rec.id}/decision-maker`, {
        decision_maker_id: choice ? Number(choice) : null,
      });
      await onSaved();
    });
  return (
    <Panel aria-labelledby="decision-maker-title">
      <Heading variant="h2" id="decision-maker-title">
        {t('decisionDesk.whoDecides')}
      </Heading>
      <Paragraph>{t('decisionDesk.whoDecidesHint')}</Paragraph>
      <Dropdown labelText={t('decisionDesk.decisionMaker')} value={choice} onChange={(v) => setChoice(v)}>
        <DropdownItem value="">{t('decisionDesk.ownerDecides')}</DropdownItem>
        {users.map((u) => (
          <DropdownItem key={u.id} value={String(u.id)}>
            {u.display_name}
          </DropdownItem>
        ))}
      </Dropdown>
      {footer(save)}
    </Panel>
  );
}
