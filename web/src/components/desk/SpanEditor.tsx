import { type ReactElement, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import styled from 'styled-components';
import { Button, Checkbox, Text } from 'suomifi-ui-components';

export interface ReviewSpan {
  start: number; // UTF-8 byte offsets, as the server counts them
  end: number;
  type: string;
  confidence: number;
  sure: boolean;
}

export interface Choice extends ReviewSpan {
  hide: boolean;
  added?: boolean;
}

export const proposed = (spans: ReviewSpan[]): Choice[] => spans.map((s) => ({ ...s, hide: true }));
// What the server is sent: the spans kept hidden.
export const chosen = (choices: Choice[]) => choices.filter((c) => c.hide).map(({ start, end, type }) => ({ start, end, type }));

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
  max-height: 32em;
  overflow-y: auto;
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

export const SpanList = styled.ul`
  list-style: none;
  padding: 0;
  li {
    margin: 4px 0;
  }
`;

// One original text with what the engine proposes to hide: every proposed span can be kept hidden
// or shown, and any stretch of the original can be hidden by selecting it.
export function SpanEditor({
  label,
  original,
  choices,
  onChange,
}: {
  label: string;
  original: string;
  choices: Choice[];
  onChange: (choices: Choice[]) => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLParagraphElement | null>(null);
  const [hint, setHint] = useState('');

  const hideSelection = () => {
    const el = ref.current;
    const sel = window.getSelection();
    if (!el || !sel || sel.rangeCount === 0 || sel.isCollapsed || !el.contains(sel.anchorNode)) {
      setHint(t('review.selectFirst'));
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
    onChange(
      [...choices, { start, end, type: 'PERSON', confidence: 1, sure: true, hide: true, added: true }].sort(
        (a, b) => a.start - b.start,
      ),
    );
    setHint(t('review.added', { text: original.slice(startChar, endChar) }));
    sel.removeAllRanges();
  };

  const parts: ReactElement[] = [];
  let at = 0;
  choices.forEach((c, i) => {
    const s = charIndex(original, c.start);
    const e = charIndex(original, c.end);
    if (s < at) return;
    parts.push(<span key={`t${i}`}>{original.slice(at, s)}</span>);
    parts.push(
      <mark key={`m${i}`} className={!c.hide ? 'kept' : c.sure ? '' : 'unsure'}>
        {original.slice(s, e)}
      </mark>,
    );
    at = e;
  });
  parts.push(<span key="end">{original.slice(at)}</span>);

  return (
    <div>
      <Text variant="bold">{label}</Text>
      <Original className="original" ref={ref}>
        {parts}
      </Original>
      <Button variant="secondary" onClick={hideSelection}>
        {t('review.hideSelection')}
      </Button>
      <SpanList aria-label={`${t('review.spans')}: ${label}`}>
        {choices.map((c, i) => {
          const text = original.slice(charIndex(original, c.start), charIndex(original, c.end));
          return (
            <li key={`${c.start}-${c.end}`}>
              <Checkbox
                checked={c.hide}
                onClick={({ checkboxState }) => onChange(choices.map((o, k) => (k === i ? { ...o, hide: checkboxState } : o)))}
                hintText={c.sure ? undefined : t('review.unsure')}
              >
                {t('review.hide')}: “{text}” ({t(`review.type_${c.type}`, { defaultValue: c.type })})
              </Checkbox>
            </li>
          );
        })}
      </SpanList>
      <p role="status">{hint}</p>
    </div>
  );
}
