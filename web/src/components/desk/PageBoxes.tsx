import { useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import styled from 'styled-components';
import { Button, Checkbox, Text } from 'suomifi-ui-components';

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

// The pages of a PDF attachment: each opened on request, boxes drawn on it listed (and removable),
// and a scanned page shown to reviewers (under the boxes) instead of covered whole when HR says so.
export function PageBoxes({
  path,
  pages,
  boxes,
  onBoxes,
  shown,
  onShown,
}: {
  path: string;
  pages: PageInfo[];
  boxes: PageBox[];
  onBoxes: (boxes: PageBox[]) => void;
  shown: number[];
  onShown: (pages: number[]) => void;
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
            <Page
              info={p}
              src={`${path}/pages/${p.number}?reason=${reason}`}
              boxes={boxes.filter((b) => b.page === p.number)}
              onAdd={(b) => onBoxes([...boxes, b])}
            />
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
