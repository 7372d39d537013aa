import { SheetGrid, type CellValue } from '../../src/core/sheet';
import { recognizeSheet } from '../../src/core/recognize';
import { REPORT_HEADER, sheetOf, type BuildOptions } from '../support/sheet-builder';

const recognize = (rows: CellValue[][], opts?: BuildOptions, overrides = []) => recognizeSheet(new SheetGrid(sheetOf(rows, opts)), overrides);
const roles = (t: ReturnType<typeof recognize>[number]) => Object.fromEntries(t.info.columns.map((c) => [c.role, c.letter]));
const kinds = (t: ReturnType<typeof recognize>[number]) => Object.fromEntries(t.info.rows.map((r) => [r.row + 1, r.kind]));

describe('tables on a sheet', () => {
  it('finds a one-row header under merged title lines, and its item rows', () => {
    const [t, ...rest] = recognize(
      [
        ['АЙМГИЙН ... ХЭЛТСИЙН 2024 ОНЫ ГҮЙЦЭТГЭЛИЙН ТАЙЛАН'],
        ['2024.12.13'],
        REPORT_HEADER,
        [1, 'Сургалт зохион байгуулах', 'Сургалтын тоо', 2, 4, 4, 100],
        [2, 'Тайлан гаргах', 'Тайлангийн тоо', '-', 1, 1, 100],
      ],
      { merges: ['A1:G1', 'A2:G2'] },
    );
    expect(rest).toHaveLength(0);
    expect(t.info.headerRows).toEqual([2]);
    expect(t.info.title).toBe('АЙМГИЙН ... ХЭЛТСИЙН 2024 ОНЫ ГҮЙЦЭТГЭЛИЙН ТАЙЛАН');
    expect(roles(t)).toEqual({ index: 'A', action: 'B', indicator: 'C', baseline: 'D', target: 'E', achieved: 'F', percent: 'G' });
    expect(t.items.map((i) => i.number)).toEqual(['1', '2']);
    expect(t.info.kind).toBe('report');
  });

  it('reads a two-row header with a merged group header and a column-number row', () => {
    const [t] = recognize(
      [
        ['Д/д', 'Зорилтыг хэрэгжүүлэх арга хэмжээ', 'Шалгур үзүүлэлт', 'Гүйцэтгэлийн түвшин', null, null, 'Эхэлсэн, дууссан хугацаа', 'Биелэл тийн хувь'],
        [null, null, null, 'Суурь түвшин', 'Хүрэх түвшин', 'Хүрсэн түвшин (биелэлт)'],
        [1, 2, 3, 4, 5, 6, 7, 8],
        [1, 'Сургалтад хамрагдах', 'Сертификат', '-', 1, 'Хамрагдсан.', '2025.01-12 дугаар сар', 50],
        [2, 'А3 сургалт', 'Сертификат', '-', 1, 'Тэнцсэн.', '2025.04-06 дугаар сар', 100],
      ],
      { merges: ['D1:F1', 'A1:A2', 'B1:B2', 'C1:C2', 'G1:G2', 'H1:H2'] },
    );
    expect(t.info.headerRows).toEqual([0, 1]);
    expect(t.info.numberRow).toBe(2);
    expect(roles(t)).toEqual({ index: 'A', action: 'B', indicator: 'C', baseline: 'D', target: 'E', achieved: 'F', period: 'G', percent: 'H' });
    expect(t.items).toHaveLength(2);
  });

  it('re-aligns header cells a Word paste shifted away from their data', () => {
    // The group header spans five cells over three sub-headers, pushing "Хугацаа" and "Хувь" two columns right.
    const [t] = recognize([
      ['Д/д', 'Арга хэмжээ', 'Шалгуур үзүүлэлт', 'Гүйцэтгэлийн түвшин', '', '', '', '', 'Хугацаа', 'Хувь'],
      [null, null, null, 'Суурь түвшин', 'Хүрэх түвшин', 'Хүрсэн түвшин'],
      [1, 'Сургалт', 'Сертификат', '-', 1, 'Хамрагдсан.', '2025.01-12 дугаар сар', 50],
      [2, 'Сургалт 2', 'Сертификат', '-', 1, 'Тэнцсэн.', 'I улиралд', 100],
    ]);
    expect(roles(t)).toMatchObject({ period: 'G', percent: 'H' });
  });

  it('settles "Гүйцэтгэлийн түвшин" from the contents: ratings make it the percent, narrative the achieved level', () => {
    const asPercent = recognize([
      ['№', 'Үнэлгээний үзүүлэлт', 'Шалгуур үзүүлэлт', 'Гүйцэтгэлийн түвшин'],
      [1, 'Ажил', 'Тоо', 100],
      [2, 'Ажил 2', 'Тоо', 70],
    ])[0];
    expect(roles(asPercent)).toMatchObject({ percent: 'D' });
    const asAchieved = recognize([
      ['№', 'Арга хэмжээ', 'Шалгуур үзүүлэлт', 'Зорилтот түвшин', 'Гүйцэтгэлийн түвшин'],
      [1, 'Ажил', 'Тоо', 2, 'Хоёр удаа зохион байгуулж, 40 албан хаагч хамрагдсан.'],
      [2, 'Ажил 2', 'Тоо', 1, 'Тайланг хугацаанд нь хүргүүлсэн байна.'],
    ])[0];
    expect(roles(asAchieved)).toMatchObject({ achieved: 'E' });
    expect(asAchieved.info.columns.find((c) => c.role === 'achieved')?.source).toBe('content');
  });

  it('finds several tables on one sheet and ends each at its stated result or signature block', () => {
    const tables = recognize([
      REPORT_HEADER,
      [1, 'A', 'x', 1, 1, 1, 100],
      [2, 'B', 'x', 1, 1, 1, 80],
      ['Үнэлгээ: 90 хувь'],
      ['Хоёр. Мэдлэг, ур чадвараа дээшлүүлэх зорилт'],
      ['Д/д', 'Ажил, арга хэмжээ', 'Шалгуур үзүүлэлт', 'Хүрэх түвшин', 'Хэрэгжилт', 'Хувь'],
      [1, 'C', 'x', 1, 'Хийсэн', 100],
      ['ХЯНАСАН:'],
      ['ДАРГА Я.ЖАРГАЛЦЭЦЭГ'],
    ]);
    expect(tables).toHaveLength(2);
    expect(tables[0].info.lastRow).toBe(3);
    expect(tables[0].info.stated).toMatchObject([{ row: 3, value: 90, kind: 'average', scope: 'table', label: 'Үнэлгээ' }]);
    expect(tables[1].info.title).toBe('Хоёр. Мэдлэг, ур чадвараа дээшлүүлэх зорилт');
    expect(tables[1].info.lastRow).toBe(6);
  });

  it('reads a header repeated right under the rows (the top of a printed page) as the same table going on; the same header after a stated result and a title starts another', () => {
    const tables = recognize([
      REPORT_HEADER,
      [1, 'A', 'x', 1, 1, 1, 100],
      [2, 'B', 'x', 1, 1, 1, 80],
      REPORT_HEADER,
      [3, 'C', 'x', 1, 1, 1, 90],
      ['Үнэлгээ: 90 хувь'],
      ['ХОЁР. ДАРААГИЙН НЭГЖИЙН ТАЙЛАН'],
      REPORT_HEADER,
      [1, 'D', 'x', 1, 1, 1, 70],
    ]);
    expect(tables).toHaveLength(2);
    expect(tables[0].items.map((i) => i.number)).toEqual(['1', '2', '3']);
    expect(kinds(tables[0])[4]).toBe('blank');
    expect(tables[0].info.stated).toMatchObject([{ row: 5, value: 90 }]);
    expect(tables[1].info.headerRows).toEqual([7]);
    expect(tables[1].items.map((i) => i.number)).toEqual(['1']);
  });

  it('tells group rows, continuation rows and goal descriptions apart', () => {
    const [t] = recognize(
      [
        REPORT_HEADER,
        ['НЭГ. БОДЛОГЫН БАРИМТ БИЧИГТ ТУСГАГДСАН ЗОРИЛТ'],
        ['Зорилт 1.1 Гэрээний хэрэгжилтийг хангана'],
        ['Гэрээний заалтуудыг хэлтсүүдэд хүргүүлнэ.'],
        [1, 'Гэрээ', 'Тоо', 1, 1, 'Эхний хэсэг', 100],
        [null, null, null, null, null, 'үргэлжлэл текст'],
        ['Зорилт 1.2 Бодлогын баримт бичиг'],
        [2, 'Тайлан', 'Тоо', 1, 1, 'Хийсэн', 90],
        ['ХОЁР. ХУУЛИАР ОЛГОСОН ЧИГ ҮҮРГИЙГ ХЭРЭГЖҮҮЛЭХ'],
        [3, 'Үйлчилгээ', 'Тоо', 1, 1, 'Хийсэн', 70],
      ],
      { merges: ['A2:G2', 'A3:G3', 'A4:G4', 'A7:G7', 'A9:G9'] },
    );
    expect(kinds(t)).toMatchObject({ 2: 'group', 3: 'group', 4: 'note', 5: 'item', 6: 'continuation', 7: 'group', 8: 'item', 9: 'group', 10: 'item' });
    const byLabel = Object.fromEntries(t.info.groups.map((g) => [g.label.slice(0, 10), g]));
    expect(byLabel['НЭГ. БОДЛО'].level).toBe(0);
    expect(byLabel['Зорилт 1.1'].level).toBe(1);
    expect(byLabel['Зорилт 1.1'].parentId).toBe(byLabel['НЭГ. БОДЛО'].id);
    expect(byLabel['НЭГ. БОДЛО'].itemRows).toEqual([4, 7]);
    expect(byLabel['ХОЁР. ХУУЛ'].itemRows).toEqual([9]);
    expect(t.items[0].continuation).toEqual([5]);
    expect(byLabel['Зорилт 1.2'].number).toBe('1.2');
  });

  it('reads goals given as a vertically merged column', () => {
    const [t] = recognize(
      [
        ['Зорилт', '№', 'Арга хэмжээ', 'Шалгуур үзүүлэлт', 'Зорилтот түвшин', 'Хүрсэн түвшин', 'Хувь'],
        ['Иргэдэд үйлчилгээг ойртуулах', 1, 'Киоск', 'Тоо', 2, 2, 100],
        [null, 2, 'Цахим', 'Тоо', 4, 2, 50],
        ['Ил тод байдлыг хангах', 3, 'Мэдээлэл', 'Тоо', 10, 10, 100],
      ],
      { merges: ['A2:A3'] },
    );
    expect(t.info.groups.map((g) => [g.label, g.itemRows])).toEqual([
      ['Иргэдэд үйлчилгээг ойртуулах', [1, 2]],
      ['Ил тод байдлыг хангах', [3]],
    ]);
    expect(roles(t)).toMatchObject({ goal: 'A', index: 'B' });
  });

  it('reads a plan (no achieved or percent column) as a plan', () => {
    const [t] = recognize([
      ['№', 'Арга хэмжээ', 'Хугацаа', 'Шалгуур үзүүлэлт', 'Суурь түвшин', 'Хүрэх түвшин, үр дүн', 'Хариуцах эзэн'],
      ['1.Удирдлага, зохион байгуулалтын чиглэлээр:'],
      [1, 'Үйлчилгээ', 'I-IV улиралд', 'Тоо', '-', '1000 гаруй иргэнд', 'ЗДТГ'],
    ]);
    expect(t.info.kind).toBe('plan');
    expect(roles(t)).toEqual({ index: 'A', action: 'B', period: 'C', indicator: 'D', baseline: 'E', target: 'F', responsible: 'G' });
  });

  it('a stated average with more items after it closes a group, not the table', () => {
    const [t] = recognize([
      REPORT_HEADER,
      ['Зорилт 1. Нэг'],
      [1, 'A', 'x', 1, 1, 1, 100],
      ['Дундаж', null, null, null, null, null, 100],
      ['Зорилт 2. Хоёр'],
      [2, 'B', 'x', 1, 1, 1, 70],
      ['Дундаж', null, null, null, null, null, 70],
    ]);
    expect(t.info.stated.map((s) => [s.row, s.scope])).toEqual([
      [3, 'group'],
      [6, 'table'],
    ]);
    expect(t.info.stated[0].groupId).toBe(t.info.groups[0].id);
  });

  it('applies the user\'s column corrections', () => {
    const rows: CellValue[][] = [REPORT_HEADER, [1, 'A', 'x', 1, 1, 1, 100]];
    const [t] = recognizeSheet(new SheetGrid(sheetOf(rows)), [
      { sheet: 'Sheet1', headerRow: 0, col: 3, role: 'ignore' },
      { sheet: 'Sheet1', headerRow: 0, col: 2, role: 'action' },
    ]);
    expect(roles(t)).toEqual({ index: 'A', action: 'C', target: 'E', achieved: 'F', percent: 'G' });
    expect(t.info.columns.find((c) => c.col === 2)?.source).toBe('user');
  });

  it('finds nothing on a sheet without a performance table', () => {
    expect(recognize([['Нэр', 'Утас'], ['Бат', '9911']])).toHaveLength(0);
    expect(recognize([['Name', 'Target', 'Achieved', 'Percent'], ['x', 1, 1, 100]])).toHaveLength(0);
  });
});
