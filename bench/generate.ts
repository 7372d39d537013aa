// A large, realistic performance report for the benchmark: title lines, the
// report header, goal rows merged across, numbered items with a mix of
// ratings, computable and narrative rows, continuation rows, a stated average.
import ExcelJS from 'exceljs';

export interface GenerateOptions {
  items: number;
  groups: number;
}

const ACTIONS = [
  'Иргэдэд төрийн үйлчилгээг цахимаар хүргэх ажлыг зохион байгуулах',
  'Албан хаагчдыг мэргэшүүлэх сургалт зохион байгуулах',
  'Өргөдөл, гомдлыг хуулийн хугацаанд шийдвэрлэх',
  'Хууль тогтоомжийн хэрэгжилтийг тайлагнах',
];
const NARRATIVE =
  'Тайлангийн хугацаанд холбогдох ажлуудыг зохион байгуулж, хэлтэс, агентлагуудад хүргүүлэн хэрэгжилтийг ханган ажиллалаа.';

export function generateReport(o: GenerateOptions): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Тайлан');
  ws.addRow(['ХЭЛТСИЙН 2025 ОНЫ ГҮЙЦЭТГЭЛИЙН ТАЙЛАН']);
  ws.mergeCells('A1:H1');
  ws.addRow(['Д/д', 'Стратеги төлөвлөгөө болон үндэслэж байгаа бусад бодлогын баримт бичиг', 'Шалгуур үзүүлэлт', 'Суурь түвшин', 'Зорилтот түвшин', 'Хугацаа', 'Хүрсэн түвшин', 'Хувь']);
  const perGroup = Math.ceil(o.items / o.groups);
  let n = 0;
  for (let g = 1; g <= o.groups && n < o.items; g++) {
    const r = ws.addRow([`Зорилт ${g}. Төрийн үйлчилгээний чанар, хүртээмжийг сайжруулах`]);
    ws.mergeCells(r.number, 1, r.number, 8);
    for (let k = 0; k < perGroup && n < o.items; k++) {
      n++;
      const kind = n % 10;
      const target = 10 + (n % 7);
      // Most rows rated; every 10th computable from numbers; every 10th narrative and unrated.
      const achieved = kind === 3 ? target - 2 : kind === 7 ? NARRATIVE : NARRATIVE.slice(0, 60 + (n % 40));
      const percent = kind === 3 || kind === 7 ? null : [100, 90, 70, 100, 50, 100, 30, 100, 90, 100][n % 10];
      ws.addRow([n, ACTIONS[n % ACTIONS.length], 'Тоо', n % 5, kind === 5 ? `${target}-аас доошгүй` : target, 'I-IV улиралд', achieved, percent]);
      if (n % 25 === 0) ws.addRow([null, null, null, null, null, null, 'үргэлжлэл: нэмэлт тайлбар текст']);
    }
  }
  ws.addRow(['Хэрэгжилтийн дундаж хувь', null, null, null, null, null, null, '90 хувь']);
  ws.addRow(['ХЯНАСАН:']);
  return wb;
}
