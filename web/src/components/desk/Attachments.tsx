import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, InlineAlert, Paragraph, StaticChip, Text } from 'suomifi-ui-components';
import { api, apiFile, type ApplicationView, type AttachmentInfo, type Recruitment } from '../../api';
import { ErrorMessage, Loading } from '../Feedback';
import { type Choice, type ReviewSpan, SpanEditor, chosen, proposed } from './SpanEditor';
import { type PageBox, type PageInfo, PageBoxes } from './PageBoxes';

interface AttachmentReviewData {
  position: number;
  kind: string;
  text: string;
  spans: ReviewSpan[];
  scanned: boolean;
  needs_a_look: boolean;
  pages: PageInfo[];
}

// A PDF the browser holds (a rendition HR is trying): offered as a link to open or save.
function useObjectUrl() {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => () => {
    if (url) URL.revokeObjectURL(url);
  }, [url]);
  return [url, (blob: Blob) => setUrl(URL.createObjectURL(blob))] as const;
}

// The owner's check of one file: its text with the proposed covers (an audited read of the
// original), the rendition with the covers chosen, and the release.
function AttachmentReview({ base, file, onDone }: { base: string; file: AttachmentInfo; onDone: () => void }) {
  const { t } = useTranslation();
  const path = `${base}/attachments/${file.position}`;
  const [review, setReview] = useState<AttachmentReviewData | null>(null);
  const [choices, setChoices] = useState<Choice[]>([]);
  const [boxes, setBoxes] = useState<PageBox[]>([]);
  const [shownScans, setShownScans] = useState<number[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [rendition, setRendition] = useObjectUrl();
  useEffect(() => {
    api<AttachmentReviewData>('GET', `${path}/review`)
      .then((r) => {
        setReview(r);
        setChoices(proposed(r.spans));
      })
      .catch(setError);
  }, [path]);
  if (!review) return error ? <ErrorMessage error={error} /> : <Loading />;
  const tryCovers = async () => {
    setError(null);
    try {
      setRendition(await apiFile('POST', `${path}/render`, { spans: chosen(choices), boxes, shown_scans: shownScans }));
    } catch (e) {
      setError(e);
    }
  };
  const release = async () => {
    setError(null);
    try {
      await api('POST', `${path}/release`, { spans: chosen(choices), boxes, shown_scans: shownScans });
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-label={`${t('files.check')}: ${t('files.name', { n: file.position })}`}>
      <Paragraph>{t('files.reviewHelp')}</Paragraph>
      <Paragraph>
        {/* The file as sent, beside the proposal: an identity read with a reason, in the audit log. */}
        <a href={`${path}/original?reason=${encodeURIComponent(t('files.checkReason'))}`} download>
          {t('files.openOriginal', { n: file.position })}
        </a>
      </Paragraph>
      {review.scanned && <InlineAlert status="warning">{t('files.scanned')}</InlineAlert>}
      {review.text.trim() ? (
        <SpanEditor label={t('files.text', { n: file.position })} original={review.text} choices={choices} onChange={setChoices} />
      ) : (
        <Paragraph>{t('files.noText')}</Paragraph>
      )}
      {review.pages.length > 0 && (
        <PageBoxes
          path={path}
          pages={review.pages}
          boxes={boxes}
          onBoxes={setBoxes}
          shown={shownScans}
          onShown={setShownScans}
          renderPage={(page) =>
            apiFile('POST', `${path}/render?page=${page}`, { spans: chosen(choices), boxes, shown_scans: shownScans })
          }
        />
      )}
      <ErrorMessage error={error} />
      <Button variant="secondary" onClick={() => void tryCovers()}>
        {t('files.tryCovers')}
      </Button>{' '}
      {rendition && (
        <a href={rendition} target="_blank" rel="noreferrer" download={`liite-${file.position}.pdf`}>
          {t('files.openTried', { n: file.position })}
        </a>
      )}{' '}
      <Button onClick={() => void release()}>{t('files.release')}</Button>
    </section>
  );
}

// The files of one application on the desk: reviewers open released renditions; the owner checks
// and releases; after the lift (or in a recruitment that is not anonymous) the file as sent opens.
export function Attachments({
  rec,
  app,
  isOwner,
  onChanged,
}: {
  rec: Recruitment;
  app: ApplicationView;
  isOwner: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [checking, setChecking] = useState<number | null>(null);
  const files = app.attachments ?? [];
  if (files.length === 0) return null;
  const base = `/api/v1/recruitments/${rec.id}/applications/${app.id}`;
  return (
    <>
      <Text variant="bold">{t('files.title')}</Text>
      <ul>
        {files.map((f) => (
          <li key={f.position}>
            {t('files.name', { n: f.position })} ({f.kind.toUpperCase()}){' '}
            {f.released ? (
              <a href={`${base}/attachments/${f.position}`} target="_blank" rel="noreferrer">
                {t('files.open', { n: f.position })}
              </a>
            ) : (
              <StaticChip>{f.needs_a_look ? t('files.needsALook') : t('files.notReleased')}</StaticChip>
            )}{' '}
            {app.identity && (
              <a href={`${base}/attachments/${f.position}/original`} download>
                {t('files.original', { n: f.position })}
              </a>
            )}
            {isOwner && !f.released && checking !== f.position && (
              <>
                {' '}
                <Button variant="secondaryNoBorder" onClick={() => setChecking(f.position)}>
                  {t('files.check')}: {t('files.name', { n: f.position })}
                </Button>
              </>
            )}
            {isOwner && checking === f.position && (
              <AttachmentReview
                base={base}
                file={f}
                onDone={() => void onChanged().then(() => setChecking(null))}
              />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
