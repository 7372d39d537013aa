// A small horizontal bar chart of the group averages (0–100 %).
//
// Hand-made SVG rather than a chart library: it is a dozen bars, the pane
// bundle already carries React + Fluent (~1 MB), a library would add
// 100–400 kB and its own colours, and here every colour is a Fluent token (so
// it follows the theme, high contrast included via the tokens' values). The
// same figures are in the table next to it, so the SVG is one labelled image
// for screen readers.

import { makeStyles, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { GroupScore } from '../../core';
import { formatFigure } from '../../i18n/ui';
import { useUiText } from '../lang';

const WIDTH = 280;
const ROW = 32;
const LABEL_H = 13;
const BAR_H = 10;
const BAR_X = 0;
const BAR_W = 244;

const useStyles = makeStyles({
  svg: { display: 'block', width: '100%', height: 'auto', overflow: 'hidden' },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '11px', fontFamily: tokens.fontFamilyBase },
  value: { fill: tokens.colorNeutralForeground1, fontSize: '11px', fontWeight: 600, fontFamily: tokens.fontFamilyBase },
  track: { fill: tokens.colorNeutralBackground3 },
  bar: { fill: tokens.colorBrandBackground },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1, strokeDasharray: '2 2' },
  title: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
});

/**
 * Roughly how wide `text` is at 11 px, in the chart's units: capitals
 * (Cyrillic and Latin), wide letters and digits take more than lower case.
 * An estimate, safe on the wide side, because SVG text does not wrap or
 * ellipsise by itself (a label that runs past the chart is cut mid-word).
 */
const widthCache = new Map<string, number>();

/** One character's width in ems (see textWidth). */
function charEm(ch: string): number {
  let em = widthCache.get(ch);
  if (em === undefined) {
    if (ch === ' ') em = 0.3;
    else if (/[ЖШЩЮФМWMЫ]/.test(ch)) em = 0.95;
    else if (/[жшщюфмwmы]/.test(ch)) em = 0.8;
    else if (/[A-ZА-ЯЁӨҮ]/.test(ch)) em = 0.72;
    else if (/[0-9]/.test(ch)) em = 0.6;
    else if (/[.,:;'!|ilІі()]/.test(ch)) em = 0.3;
    else em = 0.58;
    widthCache.set(ch, em);
  }
  return em;
}

export function textWidth(text: string, px = 11): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * px;
}

/** The label shortened at a word boundary, with "…", to fit `width` (a single long word is cut where it must be). */
export function fitLabel(label: string, width: number, px = 11): string {
  const text = label.replace(/\s+/g, ' ').trim();
  if (textWidth(text, px) <= width) return text;
  const budget = width / px - charEm('…');
  // The longest run of whole words that fits; else as many characters as fit.
  let em = 0;
  let lastBreak = 0;
  let position = 0;
  const chars = [...text];
  for (; position < chars.length; position++) {
    if (chars[position] === ' ') lastBreak = position;
    em += charEm(chars[position]);
    if (em > budget) break;
  }
  const cut = lastBreak > 0 ? lastBreak : position;
  return `${chars.slice(0, cut).join('').replace(/[\s,.;:–-]+$/, '')}…`;
}

function shortLabel(group: GroupScore, width = WIDTH - 4): string {
  return fitLabel(group.label, width);
}

export const GroupAverageChart = memo(function GroupAverageChart({ groups }: { groups: GroupScore[] }) {
  const styles = useStyles();
  const { t: say } = useUiText();
  const shown = groups.filter((g) => g.average !== null);
  if (shown.length === 0) return null;
  const height = shown.length * ROW + 4;
  const spoken = (group: GroupScore) => {
    const text = group.label.replace(/\s+/g, ' ').trim();
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  };
  const description = shown.map((g) => `${spoken(g)}: ${formatFigure(g.average)}%`).join('; ');
  return (
    <figure style={{ margin: 0 }}>
      <figcaption className={styles.title}>{say('chartTitle')}</figcaption>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={say('chartLabel', { list: description })}
        data-testid="group-chart"
      >
        {[50, 100].map((p) => (
          <line key={p} className={styles.grid} x1={BAR_X + (BAR_W * p) / 100} x2={BAR_X + (BAR_W * p) / 100} y1={0} y2={height} />
        ))}
        {shown.map((group, i) => {
          const top = i * ROW;
          const barWidth = (BAR_W * Math.max(0, Math.min(100, group.average ?? 0))) / 100;
          return (
            <g key={group.groupId} data-group={group.groupId}>
              <title>{`${group.label}: ${formatFigure(group.average)}%`}</title>
              <text className={styles.label} x={BAR_X} y={top + LABEL_H - 2}>
                {shortLabel(group)}
              </text>
              <rect className={styles.track} x={BAR_X} y={top + LABEL_H + 2} width={BAR_W} height={BAR_H} rx={2} />
              <rect className={styles.bar} x={BAR_X} y={top + LABEL_H + 2} width={barWidth} height={BAR_H} rx={2} />
              <text className={styles.value} x={BAR_X + BAR_W + 4} y={top + LABEL_H + 2 + BAR_H - 1}>
                {formatFigure(group.average)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
});
