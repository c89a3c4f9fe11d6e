import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import type { Localized, Merits } from '../../api';
import { formatDate, formatNumber, localized } from '../../i18n';
import { MeritList } from '../MeritList';

export interface ExplanationData {
  outcome: string;
  appeal_ends: string;
  reasoning: string;
  reasoning_in?: Record<string, string>;
  criteria: { id: string; title: Localized; weight: number }[];
  own: { weighted_score: number; rank: number; scores: { criterion_id: string; value: number; justification: string }[] };
  selected: { weighted_score: number; merits?: Merits }[];
}

// The equality-law explanation: criteria, the applicant's own scores, the selected person's merits.
// `pdf`: where the same explanation downloads as a PDF (the owner's desk; none for the applicant).
export function Explanation({ data, pdf }: { data: ExplanationData; pdf?: string }) {
  const { t, i18n } = useTranslation();
  const title = (id: string) => localized(data.criteria.find((c) => c.id === id)?.title);
  return (
    <section aria-labelledby="explanation-title">
      <Heading variant="h3" id="explanation-title">
        {t('more.explanation')}
      </Heading>
      <Paragraph>
        {t('more.outcome')}: <strong>{t(`status.${data.outcome}`)}</strong> · {t('more.appealEnds')} {formatDate(Date.parse(data.appeal_ends) / 1000)}
      </Paragraph>
      {pdf && (
        <Paragraph>
          <a href={pdf} download>
            {t('more.explanationPdf')}
          </a>
        </Paragraph>
      )}
      <Paragraph>
        {t('more.reasoning')}: {data.reasoning_in?.[i18n.language] || data.reasoning}
      </Paragraph>
      <ul>
        {data.criteria.map((c) => (
          <li key={c.id}>
            {localized(c.title)} ({t('editor.weight')} {c.weight})
          </li>
        ))}
      </ul>
      <Heading variant="h4">{t('more.ownScores')}</Heading>
      <Paragraph>
        {t('desk.weighted')}: {formatNumber(data.own.weighted_score)} ({t('desk.rank')} {data.own.rank})
      </Paragraph>
      <ul>
        {data.own.scores.map((s, i) => (
          <li key={i}>
            {title(s.criterion_id)}: {s.value}
            {s.justification ? ` – ${s.justification}` : ''}
          </li>
        ))}
      </ul>
      <Heading variant="h4">{t('more.selectedMerits')}</Heading>
      {data.selected.map((s, i) => (
        <div key={i}>
          <Paragraph>
            {t('desk.weighted')}: {formatNumber(s.weighted_score)}
          </Paragraph>
          {s.merits && <MeritList merits={s.merits} />}
        </div>
      ))}
    </section>
  );
}
