import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, InlineAlert, Paragraph, Text } from 'suomifi-ui-components';
import { api, type Recruitment } from '../../api';
import { localized } from '../../i18n';
import { ErrorMessage, Loading } from '../Feedback';
import { type Choice, type ReviewSpan, SpanEditor, SpanList, chosen, proposed } from './SpanEditor';

interface ReviewText {
  field: string;
  original: string;
  spans: ReviewSpan[];
}

interface Review {
  application_id: string;
  pseudonym: string;
  texts: ReviewText[];
  merit_flags: { field: string; value: string; reason: string }[];
  needs_a_look: boolean;
}

// The owner checks what the engine proposes to hide, one text at a time (SpanEditor). Reading the
// original is an audited identity read; releasing sends exactly the spans chosen here.
export function RedactionReview({ rec, applicationId, onDone }: { rec: Recruitment; applicationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const base = `/api/v1/recruitments/${rec.id}/applications/${applicationId}/redaction`;
  const [review, setReview] = useState<Review | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice[]>>({});
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api<Review>('GET', base)
      .then((r) => {
        setReview(r);
        setChoices(Object.fromEntries(r.texts.map((x) => [x.field, proposed(x.spans)])));
      })
      .catch(setError);
  }, [base]);

  if (!review) return error ? <ErrorMessage error={error} /> : <Loading />;

  const label = (field: string) =>
    field === 'cover_letter' ? t('review.coverLetter') : localized(rec.questions.find((q) => q.id === field)?.text) || field;

  const release = async () => {
    setError(null);
    try {
      const spans = Object.fromEntries(review.texts.map((x) => [x.field, chosen(choices[x.field] ?? [])]));
      await api('PUT', base, { spans });
      onDone();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby={`review-${applicationId}`}>
      <Text variant="bold" id={`review-${applicationId}`}>
        {t('review.title')}: {review.pseudonym}
      </Text>
      <Paragraph>{t('review.help')}</Paragraph>
      {review.needs_a_look && <InlineAlert status="warning">{t('review.needsALook')}</InlineAlert>}
      {review.merit_flags.length > 0 && (
        <>
          <Text variant="bold">{t('review.meritFlags')}</Text>
          <SpanList>
            {review.merit_flags.map((f) => (
              <li key={f.field + f.value}>
                {f.value} – {t(`review.flag_${f.reason}`)}
              </li>
            ))}
          </SpanList>
        </>
      )}
      {review.texts.map((x) => (
        <SpanEditor
          key={x.field}
          label={label(x.field)}
          original={x.original}
          choices={choices[x.field] ?? []}
          onChange={(c) => setChoices({ ...choices, [x.field]: c })}
        />
      ))}
      <ErrorMessage error={error} />
      <Button onClick={() => void release()}>{t('review.release')}</Button>
    </section>
  );
}
