import { useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import styled from 'styled-components';
import { Button, Checkbox, Text, TextInput } from 'suomifi-ui-components';

export interface PageInfo {
  number: number;
  width: number; // points
  height: number;
  scanned: boolean;
}
export interface PageBox {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

const Sheet = styled.div`
  position: relative;
  max-width: 640px;
  border: 1px solid #c8cdd0;
  cursor: crosshair;
  touch-action: none;
  img {
    display: block;
    width: 100%;
    user-select: none;
  }
  .box {
    position: absolute;
    background: rgba(0, 0, 0, 0.85);
    outline: 2px solid #ffe58f;
  }
`;

// The original page and the reviewers' version of it side by side on a wide screen, one above the
// other on a phone.
const Pair = styled.div`
  display: grid;
  grid-template-columns: minmax(0, 1fr);
  gap: 16px;
  @media (min-width: 900px) {
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
  }
  figure {
    margin: 0;
  }
  figure img {
    display: block;
    width: 100%;
    max-width: 640px;
    border: 1px solid #c8cdd0;
  }
`;

// The picture as a data: URL: the page's strict CSP allows images from itself and data:, not blob:.
function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

// The page as reviewers would get it with the covers chosen so far, drawn on request (each draw
// runs the whole rendition in the worker).
function TriedPage({ page, renderPage }: { page: number; renderPage: (page: number) => Promise<Blob> }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const draw = async () => {
    setBusy(true);
    setFailed(false);
    try {
      setUrl(await dataUrl(await renderPage(page)));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <figure>
      <figcaption>{t('files.pairRendition')}</figcaption>
      {url && <img src={url} alt={t('files.renditionPageAlt', { n: page })} />}
      <Button variant="secondary" disabled={busy} onClick={() => void draw()}>
        {url ? t('files.updateRenditionPage', { n: page }) : t('files.showRenditionPage', { n: page })}
      </Button>
      <p role="status">{failed ? t('files.renditionPageFailed') : ''}</p>
    </figure>
  );
}

// One page of a PDF as it is, to cover by hand what the text check cannot reach (a name in a
// scanned certificate, a signature): drag a box over it. Loading the page is an audited read.
function Page({
  info,
  src,
  boxes,
  onAdd,
}: {
  info: PageInfo;
  src: string;
  boxes: PageBox[];
  onAdd: (box: PageBox) => void;
}) {
  const { t } = useTranslation();
  const sheet = useRef<HTMLDivElement | null>(null);
  const [start, setStart] = useState<{ x: number; y: number } | null>(null);
  const toPoints = (e: PointerEvent) => {
    const r = sheet.current!.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * info.width, y: ((e.clientY - r.top) / r.height) * info.height };
  };
  const end = (e: PointerEvent) => {
    if (!start) return;
    const p = toPoints(e);
    const box = {
      page: info.number,
      x: Math.max(0, Math.min(start.x, p.x)),
      y: Math.max(0, Math.min(start.y, p.y)),
      width: Math.abs(p.x - start.x),
      height: Math.abs(p.y - start.y),
    };
    setStart(null);
    if (box.width > 2 && box.height > 2) onAdd(box);
  };
  return (
    <Sheet
      ref={sheet}
      onPointerDown={(e) => {
        e.preventDefault();
        setStart(toPoints(e));
      }}
      onPointerUp={end}
    >
      <img src={src} alt={t('files.pageAlt', { n: info.number })} draggable={false} />
      {boxes.map((b, i) => (
        <div
          key={i}
          className="box"
          style={{
            left: `${(b.x / info.width) * 100}%`,
            top: `${(b.y / info.height) * 100}%`,
            width: `${(b.width / info.width) * 100}%`,
            height: `${(b.height / info.height) * 100}%`,
          }}
        />
      ))}
    </Sheet>
  );
}

// A box by numbers, for the keyboard: per cent of the page from its left and top edges.
function BoxByNumbers({ pages, onAdd }: { pages: PageInfo[]; onAdd: (box: PageBox) => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ page: '1', left: '', top: '', width: '', height: '' });
  const [problem, setProblem] = useState('');
  const add = () => {
    const page = pages.find((p) => p.number === Number(v.page));
    const [left, top, width, height] = [v.left, v.top, v.width, v.height].map(Number);
    if (!page || [left, top, width, height].some((n) => !Number.isFinite(n) || n < 0) || width <= 0 || height <= 0 ||
        left + width > 100 || top + height > 100) {
      setProblem(t('files.boxInvalid'));
      return;
    }
    setProblem('');
    onAdd({
      page: page.number,
      x: (left / 100) * page.width,
      y: (top / 100) * page.height,
      width: (width / 100) * page.width,
      height: (height / 100) * page.height,
    });
  };
  const field = (key: keyof typeof v, label: string) => (
    <TextInput labelText={label} type="number" value={v[key]} onChange={(x) => setV({ ...v, [key]: String(x ?? '') })} />
  );
  return (
    <fieldset>
      <legend>{t('files.boxByNumbers')}</legend>
      {field('page', t('files.boxPage'))}
      {field('left', t('files.boxLeft'))}
      {field('top', t('files.boxTop'))}
      {field('width', t('files.boxWidth'))}
      {field('height', t('files.boxHeight'))}
      <Button variant="secondary" onClick={add}>
        {t('files.addBox')}
      </Button>
      <p role="alert">{problem}</p>
    </fieldset>
  );
}

// The pages of a PDF attachment: each opened on request, boxes drawn on it listed (and removable),
// and a scanned page shown to reviewers (under the boxes) instead of covered whole when HR says so.
export function PageBoxes({
  path,
  pages,
  boxes,
  onBoxes,
  shown,
  onShown,
  renderPage,
}: {
  path: string;
  pages: PageInfo[];
  boxes: PageBox[];
  onBoxes: (boxes: PageBox[]) => void;
  shown: number[];
  onShown: (pages: number[]) => void;
  renderPage: (page: number) => Promise<Blob>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number[]>([]);
  const reason = encodeURIComponent(t('files.checkReason'));
  return (
    <div>
      <Text variant="bold">{t('files.pagesTitle')}</Text>
      <p>{t('files.pagesHelp')}</p>
      {pages.map((p) => (
        <div key={p.number}>
          {open.includes(p.number) ? (
            <Pair>
              <figure>
                <figcaption>{t('files.pairOriginal')}</figcaption>
                <Page
                  info={p}
                  src={`${path}/pages/${p.number}?reason=${reason}`}
                  boxes={boxes.filter((b) => b.page === p.number)}
                  onAdd={(b) => onBoxes([...boxes, b])}
                />
              </figure>
              <TriedPage page={p.number} renderPage={renderPage} />
            </Pair>
          ) : (
            <Button variant="secondaryNoBorder" onClick={() => setOpen([...open, p.number])}>
              {t('files.openPage', { n: p.number })}
            </Button>
          )}
          {p.scanned && (
            <Checkbox
              checked={shown.includes(p.number)}
              hintText={t('files.showScanHint')}
              onClick={({ checkboxState }) =>
                onShown(checkboxState ? [...shown, p.number] : shown.filter((n) => n !== p.number))
              }
            >
              {t('files.showScan', { n: p.number })}
            </Checkbox>
          )}
        </div>
      ))}
      <BoxByNumbers pages={pages} onAdd={(b) => onBoxes([...boxes, b])} />
      {boxes.length > 0 && (
        <ul aria-label={t('files.boxes')}>
          {boxes.map((b, i) => (
            <li key={i}>
              {t('files.box', { n: i + 1, page: b.page })}{' '}
              <Button variant="secondaryNoBorder" onClick={() => onBoxes(boxes.filter((_, k) => k !== i))}>
                {t('form.removeRow', { what: t('files.box', { n: i + 1, page: b.page }) })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
