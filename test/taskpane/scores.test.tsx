/** @jest-environment jsdom */
// The scores panel: per table and per group the average, 5-point figure and
// grade, the chart of group averages and the annex 8 total.

import '@testing-library/jest-dom';
import { screen, within } from '@testing-library/react';
import type { GroupScore, TableScore, WorkbookAnalysis } from '../../src/core/types';
import { ScoresPanel } from '../../src/taskpane/components/ScoresPanel';
import { renderPane } from './render';
import { LangProvider } from '../../src/taskpane/lang';

const group = (id: string, label: string, average: number | null, grade: string | null): GroupScore => ({
  groupId: id,
  label,
  row: 3,
  level: 0,
  itemCount: 2,
  ratedCount: 2,
  average,
  fivePoint: average === null ? null : Math.round(average * 5) / 100,
  grade,
  gradeLabel: null,
});

const annexTable: TableScore = {
  tableId: 'Үнэлгээ!A4',
  sheet: 'Үнэлгээ',
  title: 'ГҮЙЦЭТГЭЛИЙН ҮНЭЛГЭЭНИЙ ХУУДАС',
  itemCount: 6,
  ratedCount: 6,
  average: 92.5,
  fivePoint: 4.63,
  grade: 'A',
  gradeLabel: { mn: 'Маш сайн', en: 'Excellent' },
  computedCount: 0,
  groups: [group('g1', '1. Гүйцэтгэлийн зорилт', 95, 'A'), group('g2', '2. Мэдлэг, ур чадвар', 80, 'C'), group('g3', 'Хоосон', null, null)],
  annex8: {
    sections: [
      { section: 1, points: 66.5, max: 70 },
      { section: 2, points: 12, max: 15 },
      { section: 3, points: 6, max: 7 },
      { section: 4, points: 7.5, max: 8 },
    ],
    deductions: 2,
    total: 90,
  },
};

const analysis = (scores: TableScore[]): WorkbookAnalysis => ({
  sheets: [{ sheet: 'Үнэлгээ', tables: [], findings: [], scores }],
  evaluations: [],
  findings: [],
  counts: { error: 0, warning: 0, info: 0 },
  profileId: 'practice',
});

const renderIn = (lang: 'mn' | 'en', a: WorkbookAnalysis | null) =>
  renderPane(
    <LangProvider lang={lang}>
      <ScoresPanel analysis={a} />
    </LangProvider>,
  );

describe('Scores panel', () => {
  it('shows the table figures, the grade in the chosen language and the annex 8 total with deductions', () => {
    renderIn('mn', analysis([annexTable]));
    const card = screen.getByRole('group', { name: /Хүснэгт 1: ГҮЙЦЭТГЭЛИЙН ҮНЭЛГЭЭНИЙ ХУУДАС/ });
    expect(within(card).getByTestId('table-average')).toHaveTextContent('92.5%');
    expect(card).toHaveTextContent('4.63');
    expect(card).toHaveTextContent('A · Маш сайн');
    expect(card).toHaveTextContent('6 / 6');
    const annex = within(card).getByRole('region', { name: 'Хавсралт 8: нийт оноо' });
    const lines = within(annex)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(lines).toEqual(['1-р хэсэг66.5 / 70', '2-р хэсэг12 / 15', '3-р хэсэг6 / 7', '4-р хэсэг7.5 / 8', 'Хасалт−2', 'Нийт90 / 100']);
  });

  it('charts only the groups that have an average, and in English says so in English', () => {
    renderIn('en', analysis([annexTable]));
    const chart = screen.getByRole('img', { name: /Chart of group averages/ });
    expect(chart.querySelectorAll('g[data-group]')).toHaveLength(2);
    expect(chart).toHaveAccessibleName('Chart of group averages: 1. Гүйцэтгэлийн зорилт: 95%; 2. Мэдлэг, ур чадвар: 80%');
    expect(screen.getByText('A · Excellent')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Annex 8: total points' })).toHaveTextContent('Total90 / 100');
  });

  it('has no annex 8 block or chart for a table without them, and a dash for a missing average', () => {
    const plain: TableScore = { ...annexTable, annex8: undefined, groups: [], average: null, fivePoint: null, grade: null, gradeLabel: null, computedCount: 3 };
    renderIn('mn', analysis([plain]));
    expect(screen.queryByRole('region', { name: /Хавсралт 8/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.getByTestId('table-average')).toHaveTextContent('—');
    expect(screen.getByText('Тооцоход 3 хувь нөхөгдөнө.')).toBeInTheDocument();
  });

  it('says so when there is nothing to score, and before any analysis', () => {
    const { unmount } = renderIn('mn', analysis([]));
    expect(screen.getByText('Оноо тооцох хүснэгт алга.')).toBeInTheDocument();
    unmount();
    renderIn('en', null);
    expect(screen.getByText('Press Validate to check the tables.')).toBeInTheDocument();
  });
});
