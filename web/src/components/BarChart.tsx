import { useEffect, useRef } from 'react';
import styled from 'styled-components';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

// The canvas keeps its drawn size until the chart hears of a resize: the frame clips it meanwhile,
// so a turned phone never scrolls sideways.
const Frame = styled.div`
  position: relative;
  height: 260px;
  width: 100%;
  max-width: 640px;
  overflow: hidden;
`;

export interface Series {
  label: string;
  data: (number | null)[]; // null: not shown (a gap)
  color: string; // at least 3:1 against white (WCAG 1.4.11)
}

// A bar chart drawn on a canvas (no inline styles, so the strict CSP holds). It is a picture of
// the table printed beside it: that table is the accessible text, the canvas carries a summary.
export default function BarChart({
  labels,
  series,
  summary,
  unit,
}: {
  labels: string[];
  series: Series[];
  summary: string;
  unit?: string; // after each value on the axis, e.g. "%"
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.color })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { position: 'bottom' } },
        scales: {
          y: {
            beginAtZero: true,
            ...(unit === '%' ? { max: 100 } : {}),
            ticks: { precision: 0, ...(unit ? { callback: (v: string | number) => `${v} ${unit}` } : {}) },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [labels, series, unit]);
  return (
    <Frame>
      <canvas ref={canvas} role="img" aria-label={summary} />
    </Frame>
  );
}
