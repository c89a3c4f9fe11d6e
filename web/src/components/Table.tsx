import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import styled from 'styled-components';

// A plain, accessible data table (caption, th scope) in the design system's colours.
export const DataTable = styled.table`
  border-collapse: collapse;
  width: 100%;
  margin: 16px 0;
  caption {
    text-align: left;
    font-weight: 600;
    padding: 8px 0;
  }
  th,
  td {
    text-align: left;
    padding: 8px;
    border-bottom: 1px solid #c8cdd0;
    vertical-align: top;
  }
  th {
    background: #f7f7f8;
  }
  @media (max-width: 600px) {
    font-size: 14px;
    th,
    td {
      padding: 6px 4px;
    }
  }
`;

// Positioned, so that the design system's absolutely placed inputs (checkbox, radio) scroll with
// the table instead of widening the page.
const ScrollBox = styled.div`
  overflow-x: auto;
  position: relative;
`;

// A wide table scrolls inside its own box (on a phone, or a report with many columns). While it
// does, the box takes keyboard focus so it can be scrolled without a mouse (WCAG 2.1.1).
export function Scroll({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    for (const child of el.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <ScrollBox ref={box} tabIndex={scrolls ? 0 : undefined}>
      {children}
    </ScrollBox>
  );
}
