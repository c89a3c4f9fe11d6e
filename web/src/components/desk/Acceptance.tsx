import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, DropdownItem, Heading, Paragraph, StaticChip, Text, TextInput } from 'suomifi-ui-components';
import { Dropdown } from '../Dropdown';
import { api } from '../../api';
import { ErrorMessage } from '../Feedback';
import { Panel } from '../Panel';

export interface SelectionCondition {
  kind: 'health_check' | 'criminal_record' | 'other';
  note: string;
  met: boolean | null;
}
export interface Offer {
  application_id: string;
  pseudonym?: string;
  state: 'offered' | 'accepted' | 'declined';
  conditions: SelectionCondition[];
  offered_at: number;
  answered_at: number | null;
  confirmed: boolean;
  fell_through: boolean;
}
const KINDS = ['health_check', 'criminal_record', 'other'] as const;
const met = (c: SelectionCondition) => (c.met === null ? 'open' : c.met ? 'met' : 'not_met');

// One offer: its answer (recorded here when given by phone or in person) and its conditions.
function OfferRow({ base, offer, onSaved }: { base: string; offer: Offer; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const [conditions, setConditions] = useState<SelectionCondition[]>(offer.conditions);
  const [state, setState] = useState<string>(offer.state);
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    setError(null);
    try {
      await api('PUT', `${base}/acceptance/${offer.application_id}`, { state, conditions });
      await onSaved();
    } catch (e) {
      setError(e);
    }
  };
  const set = (i: number, change: Partial<SelectionCondition>) =>
    setConditions(conditions.map((c, k) => (k === i ? { ...c, ...change } : c)));
  const who = offer.pseudonym ?? offer.application_id;
  return (
    <section aria-label={`${t('acceptance.offer')}: ${who}`}>
      <Text variant="bold">{who}</Text>{' '}
      {offer.confirmed && <StaticChip>{t('acceptance.confirmed')}</StaticChip>}
      {offer.fell_through && <StaticChip>{t('acceptance.fellThrough')}</StaticChip>}
      <Dropdown labelText={`${t('acceptance.answer')}: ${who}`} value={state} onChange={(v) => setState(v)}>
        <DropdownItem value="offered">{t('acceptance.state_offered')}</DropdownItem>
        <DropdownItem value="accepted">{t('acceptance.state_accepted')}</DropdownItem>
        <DropdownItem value="declined">{t('acceptance.state_declined')}</DropdownItem>
      </Dropdown>
      {conditions.map((c, i) => (
        <div key={i}>
          <Dropdown labelText={`${t('acceptance.condition')} ${i + 1}`} value={c.kind} onChange={(v) => set(i, { kind: v as SelectionCondition['kind'] })}>
            {KINDS.map((k) => (
              <DropdownItem key={k} value={k}>
                {t(`acceptance.kind_${k}`)}
              </DropdownItem>
            ))}
          </Dropdown>
          <TextInput labelText={`${t('acceptance.note')} ${i + 1}`} value={c.note} maxLength={500}
            onChange={(v) => set(i, { note: String(v ?? '') })} />
          <Dropdown labelText={`${t('acceptance.result')} ${i + 1}`} value={met(c)}
            onChange={(v) => set(i, { met: v === 'open' ? null : v === 'met' })}>
            <DropdownItem value="open">{t('acceptance.result_open')}</DropdownItem>
            <DropdownItem value="met">{t('acceptance.result_met')}</DropdownItem>
            <DropdownItem value="not_met">{t('acceptance.result_not_met')}</DropdownItem>
          </Dropdown>
        </div>
      ))}
      {conditions.length < 5 && (
        <Button variant="secondaryNoBorder" onClick={() => setConditions([...conditions, { kind: 'health_check', note: '', met: null }])}>
          {t('acceptance.addCondition')}: {who}
        </Button>
      )}
      <div>
        <Button variant="secondary" onClick={() => void save()}>
          {t('acceptance.save')}: {who}
        </Button>
      </div>
      <ErrorMessage error={error} />
    </section>
  );
}

// After the decision: whether the selected person accepts, the conditions of the selection and
// their results, and the post offered to a reserve when the offer falls through.
export function AcceptancePanel({ base }: { base: string }) {
  const { t } = useTranslation();
  const [view, setView] = useState<{ offers: Offer[]; reserves: { application_id: string; pseudonym: string }[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      setView(await api('GET', `${base}/acceptance`));
    } catch (e) {
      setError(e);
    }
  }, [base]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!view) return <ErrorMessage error={error} />;
  const allFellThrough = view.offers.every((o) => o.fell_through);
  return (
    <Panel aria-labelledby="acceptance-title">
      <Heading variant="h2" id="acceptance-title">
        {t('acceptance.title')}
      </Heading>
      <Paragraph>{t('acceptance.hint')}</Paragraph>
      {view.offers.map((o) => (
        <OfferRow key={`${o.application_id}-${o.state}-${o.answered_at ?? 0}`} base={base} offer={o} onSaved={load} />
      ))}
      {view.reserves.map((r) => (
        <div key={r.application_id}>
          <Button
            variant="secondary"
            disabled={!allFellThrough}
            onClick={() =>
              void api('POST', `${base}/acceptance/${r.application_id}/offer`, {}).then(load).catch(setError)
            }
          >
            {t('acceptance.offerToReserve')}: {r.pseudonym}
          </Button>
        </div>
      ))}
      <ErrorMessage error={error} />
    </Panel>
  );
}
