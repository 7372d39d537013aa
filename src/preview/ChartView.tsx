// A chart the add-in added to the fake workbook (the summary sheet's group
// averages), drawn as Excel would place it: a column chart over the sheet
// at its anchor cell, from the cells it points at (so it shows what the
// formulas there give). Hand-made SVG, like the pane's chart.

import { makeStyles, tokens } from '@fluentui/react-components';
import type { CSSProperties } from 'react';
import type { CellValue } from '../core';
import { parseRange, type FakeExcel } from '../in-memory-excel/excel';
import type { ChartModel } from '../in-memory-excel/model';

const HEIGHT = 260;
const PLOT_TOP = 34;
const PLOT_BOTTOM = 200;
const LEFT = 36;
const BAR = 18;
const GAP = 10;

const useStyles = makeStyles({
  figure: {
    margin: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow4,
  },
  title: { fill: tokens.colorNeutralForeground1, fontSize: '13px', fontWeight: 600, fontFamily: tokens.fontFamilyBase },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  grid: { stroke: tokens.colorNeutralStroke3, strokeWidth: 1 },
  tick: { fill: tokens.colorNeutralForeground3, fontSize: '10px', fontFamily: tokens.fontFamilyBase },
  bar: { fill: tokens.colorBrandBackground },
  value: { fill: tokens.colorNeutralForeground1, fontSize: '10px', fontFamily: tokens.fontFamilyBase },
  category: { fill: tokens.colorNeutralForeground2, fontSize: '10px', fontFamily: tokens.fontFamilyBase },
});

/** The cells of "'Sheet name'!A1:B5" as values (formulas evaluated). */
function cells(fake: FakeExcel, ref: string | null): CellValue[] {
  if (!ref) return [];
  const bang = ref.lastIndexOf('!');
  const raw = ref.slice(0, bang);
  const name = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  const sheet = fake.model.byName(name);
  if (!sheet) return [];
  const area = parseRange(ref.slice(bang + 1));
  const out: CellValue[] = [];
  for (let row = area.top; row <= area.bottom; row++) for (let column = area.left; column <= area.right; column++) out.push(fake.model.value(sheet, row, column));
  return out;
}

const short = (s: string, max = 14) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function ChartView({ fake, chart, style }: { fake: FakeExcel; chart: ChartModel; style?: CSSProperties }) {
  const styles = useStyles();
  const values = cells(fake, chart.source).map((v) => (typeof v === 'number' ? v : Number.NaN));
  const labels = cells(fake, chart.xValues).map((v) => (v === null ? '' : String(v)));
  const count = values.length;
  // Room on the right for the last category's slanted label.
  const width = Math.max(360, LEFT + 16 + count * (BAR + GAP) + 70);
  const max = 100;
  const topOf = (value: number) => PLOT_BOTTOM - ((PLOT_BOTTOM - PLOT_TOP) * Math.max(0, Math.min(max, value))) / max;
  const described = values.map((v, i) => `${labels[i] ?? ''}: ${Number.isNaN(v) ? '—' : v}`).join('; ');
  return (
    <figure className={styles.figure} style={style} data-chart={chart.type}>
      <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={`${chart.title ?? ''}: ${described}`}>
        <text className={styles.title} x={width / 2} y={20} textAnchor="middle">
          {chart.title ?? ''}
        </text>
        {[0, 25, 50, 75, 100].map((tick) => (
          <g key={tick}>
            <line className={styles.grid} x1={LEFT} x2={width - 8} y1={topOf(tick)} y2={topOf(tick)} />
            <text className={styles.tick} x={LEFT - 4} y={topOf(tick) + 3} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        <line className={styles.axis} x1={LEFT} x2={width - 8} y1={PLOT_BOTTOM} y2={PLOT_BOTTOM} />
        {values.map((value, i) => {
          const left = LEFT + 8 + i * (BAR + GAP);
          const label = labels[i] ?? '';
          return (
            <g key={i} data-bar={i}>
              <title>{`${label}: ${Number.isNaN(value) ? '—' : value}`}</title>
              {!Number.isNaN(value) && <rect className={styles.bar} x={left} y={topOf(value)} width={BAR} height={PLOT_BOTTOM - topOf(value)} />}
              {!Number.isNaN(value) && (
                <text className={styles.value} x={left + BAR / 2} y={topOf(value) - 3} textAnchor="middle">
                  {Math.round(value * 10) / 10}
                </text>
              )}
              <text className={styles.category} transform={`translate(${left + BAR / 2 + 3}, ${PLOT_BOTTOM + 6}) rotate(45)`}>
                {short(label)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
