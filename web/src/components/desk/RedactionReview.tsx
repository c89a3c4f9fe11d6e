import { type ReactElement, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import styled from 'styled-components';
import { Button, Checkbox, InlineAlert, Paragraph, Text } from 'suomifi-ui-components';
import { api, type Recruitment } from '../../api';
import { localized } from '../../i18n';
import { ErrorMessage, Loading } from '../Feedback';

export interface ReviewSpan {
  start: number; // UTF-8 byte offsets, as the server counts them
  end: number;
  type: string;
  confidence: number;
  sure: boolean;
}

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

const encoder = new TextEncoder();
// The server counts UTF-8 bytes; the browser counts UTF-16 units.
export const byteOffset = (text: string, index: number) => encoder.encode(text.slice(0, index)).length;
export function charIndex(text: string, bytes: number): number {
  let used = 0;
  for (let i = 0; i < text.length; ) {
    if (used >= bytes) return i;
    const code = text.codePointAt(i) ?? 0;
    used += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    i += code >= 0x10000 ? 2 : 1;
  }
  return text.length;
}

const Original = styled.p`
  white-space: pre-wrap;
  border: 1px solid #c8cdd0;
  padding: 12px;
  line-height: 1.7;
  mark {
    background: #ffe58f;
    color: #1f2a33;
    padding: 0 2px;
  }
  mark.unsure {
    background: #ffd2c8;
    outline: 2px dashed #b42d0a;
  }
  mark.kept {
    background: transparent;
    text-decoration: line-through;
  }
`;

const SpanList = styled.ul`
  list-style: none;
  padding: 0;
  li {
    margin: 4px 0;
  }
`;

interface Choice extends ReviewSpan {
  hide: boolean;
  added?: boolean;
}

// The owner checks what the engine proposes to hide, one text at a time: every proposed span can be
// kept hidden or shown, and any stretch of the original can be hidden by selecting it. Reading the
// original is an audited identity read; releasing sends exactly the spans chosen here.
export function RedactionReview({ rec, applicationId, onDone }: { rec: Recruitment; applicationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const base = `/api/v1/recruitments/${rec.id}/applications/${applicationId}/redaction`;
  const [review, setReview] = useState<Review | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice[]>>({});
  const [error, setError] = useState<unknown>(null);
  const [selectionHint, setSelectionHint] = useState('');
  const refs = useRef<Record<string, HTMLParagraphElement | null>>({});

  useEffect(() => {
    api<Review>('GET', base)
      .then((r) => {
        setReview(r);
        setChoices(Object.fromEntries(r.texts.map((x) => [x.field, x.spans.map((s) => ({ ...s, hide: true }))])));
      })
      .catch(setError);
  }, [base]);

  if (!review) return error ? <ErrorMessage error={error} /> : <Loading />;

  const label = (field: string) =>
    field === 'cover_letter' ? t('review.coverLetter') : localized(rec.questions.find((q) => q.id === field)?.text) || field;

  const hideSelection = (field: string, original: string) => {
    const el = refs.current[field];
    const sel = window.getSelection();
    if (!el || !sel || sel.rangeCount === 0 || sel.isCollapsed || !el.contains(sel.anchorNode)) {
      setSelectionHint(t('review.selectFirst'));
      return;
    }
    // Offsets within the paragraph's text, which is the original text.
    const range = sel.getRangeAt(0);
    const before = document.createRange();
    before.selectNodeContents(el);
    before.setEnd(range.startContainer, range.startOffset);
    const startChar = before.toString().length;
    const endChar = startChar + range.toString().length;
    const start = byteOffset(original, startChar);
    const end = byteOffset(original, endChar);
    if (end <= start) return;
    setChoices({
      ...choices,
      [field]: [...(choices[field] ?? []), { start, end, type: 'PERSON', confidence: 1, sure: true, hide: true, added: true }].sort(
        (a, b) => a.start - b.start,
      ),
    });
    setSelectionHint(t('review.added', { text: original.slice(startChar, endChar) }));
    sel.removeAllRanges();
  };

  const release = async () => {
    setError(null);
    try {
      const spans = Object.fromEntries(
        review.texts.map((x) => [
          x.field,
          (choices[x.field] ?? []).filter((c) => c.hide).map(({ start, end, type }) => ({ start, end, type })),
        ]),
      );
      await api('PUT', base, { spans });
      onDone();
    } catch (e) {
      setError(e);
    }
  };

  const render = (x: ReviewText) => {
    const list = choices[x.field] ?? [];
    const parts: ReactElement[] = [];
    let at = 0;
    list.forEach((c, i) => {
      const s = charIndex(x.original, c.start);
      const e = charIndex(x.original, c.end);
      if (s < at) return;
      parts.push(<span key={`t${i}`}>{x.original.slice(at, s)}</span>);
      parts.push(
        <mark key={`m${i}`} className={!c.hide ? 'kept' : c.sure ? '' : 'unsure'}>
          {x.original.slice(s, e)}
        </mark>,
      );
      at = e;
    });
    parts.push(<span key="end">{x.original.slice(at)}</span>);
    return parts;
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
        <div key={x.field}>
          <Text variant="bold">{label(x.field)}</Text>
          <Original
            className="original"
            ref={(el) => {
              refs.current[x.field] = el;
            }}
          >{render(x)}</Original>
          <Button variant="secondary" onClick={() => hideSelection(x.field, x.original)}>
            {t('review.hideSelection')}
          </Button>
          <SpanList aria-label={`${t('review.spans')}: ${label(x.field)}`}>
            {(choices[x.field] ?? []).map((c, i) => {
              const text = x.original.slice(charIndex(x.original, c.start), charIndex(x.original, c.end));
              return (
                <li key={`${c.start}-${c.end}`}>
                  <Checkbox
                    checked={c.hide}
                    onClick={({ checkboxState }) =>
                      setChoices({
                        ...choices,
                        [x.field]: (choices[x.field] ?? []).map((o, k) => (k === i ? { ...o, hide: checkboxState } : o)),
                      })
                    }
                    hintText={c.sure ? undefined : t('review.unsure')}
                  >
                    {t('review.hide')}: “{text}” ({t(`review.type_${c.type}`, { defaultValue: c.type })})
                  </Checkbox>
                </li>
              );
            })}
          </SpanList>
        </div>
      ))}
      <p role="status">{selectionHint}</p>
      <ErrorMessage error={error} />
      <Button onClick={() => void release()}>{t('review.release')}</Button>
    </section>
  );
}
