// Small .xlsx packages written by hand, XML part by XML part, so a test can
// hold the forms other generators write and our reader must take: a text
// cell as a shared string, an inline string, rich-text runs or phonetic runs;
// a namespace prefix on every element (<x:worksheet>); shared formulas with no
// cached value; a sheet name Excel would refuse. Zipped by fflate (not by
// the code under test).

import { strToU8, zipSync } from 'fflate';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Style indexes of the workbook's cellXfs (see STYLES). */
export const STYLE = { general: 0, percent: 1, date: 2, text: 3, percentTenth: 4 } as const;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="d\\-mmm"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/**
 * A cell as the test writes it: a number; a string (a shared string, as
 * Excel writes text); null for none; or the cell's own XML attributes and
 * content ({ t: 'inlineStr', inner: '<is><t>90</t></is>' }).
 */
export type OddCell = number | string | null | { t?: string; s?: number; inner: string };

export interface OddSheet {
  name: string;
  rows: OddCell[][];
  /** First row's 0-based index (rows before it are absent). */
  startRow?: number;
  merges?: string[];
  /** <sheetProtection sheet="1">. */
  protect?: boolean;
  state?: 'hidden' | 'veryHidden';
}

export interface OddBookOptions {
  /** Every element of the worksheets written with this prefix bound to the main namespace ("x"), as the Open XML SDK's generators write them. */
  prefix?: string;
  /** styles.xml as given ('' for an empty <styleSheet/>). */
  styles?: string;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function columnName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Rich-text runs of a shared string ("10" + "0"), as <si> content. */
export const richRuns = (...runs: string[]) => runs.map((r, i) => `<r>${i % 2 ? '<rPr><b/></rPr>' : ''}<t>${escapeXml(r)}</t></r>`).join('');
/** A string with a phonetic run (<rPh>), as <si> content: readers leave the reading out. */
export const withPhonetic = (text: string, reading: string) => `<t>${escapeXml(text)}</t><rPh sb="0" eb="1"><t>${escapeXml(reading)}</t></rPh><phoneticPr fontId="0" type="noConversion"/>`;

/** Builds the package; `sharedXml` adds <si> entries given as raw content (rich runs, phonetic runs) referenced by `{ t: 's', inner: '<v>N</v>' }`. */
export function oddBook(sheets: OddSheet[], options: OddBookOptions = {}, sharedXml: string[] = []): Uint8Array {
  const shared: string[] = [...sharedXml];
  const sharedIndex = new Map<string, number>();
  const p = options.prefix ? `${options.prefix}:` : '';
  const stringIndex = (s: string) => {
    let i = sharedIndex.get(s);
    if (i === undefined) {
      i = shared.length;
      shared.push(`<t xml:space="preserve">${escapeXml(s)}</t>`);
      sharedIndex.set(s, i);
    }
    return i;
  };
  const cellXml = (ref: string, cell: OddCell): string => {
    if (cell === null) return '';
    if (typeof cell === 'number') return `<${p}c r="${ref}"><${p}v>${cell}</${p}v></${p}c>`;
    if (typeof cell === 'string') return `<${p}c r="${ref}" t="s"><${p}v>${stringIndex(cell)}</${p}v></${p}c>`;
    const attrs = `${cell.t ? ` t="${cell.t}"` : ''}${cell.s ? ` s="${cell.s}"` : ''}`;
    return `<${p}c r="${ref}"${attrs}>${cell.inner}</${p}c>`;
  };
  const parts: Record<string, Uint8Array> = {};
  const sheetEntries: string[] = [];
  const relEntries: string[] = [];
  const overrides: string[] = [];
  sheets.forEach((sheet, i) => {
    const start = sheet.startRow ?? 0;
    const rows = sheet.rows
      .map((cells, k) => {
        const r = start + k + 1;
        const inner = cells.map((c, col) => cellXml(`${columnName(col)}${r}`, c)).join('');
        return inner ? `<${p}row r="${r}">${inner}</${p}row>` : '';
      })
      .join('');
    const merges = sheet.merges?.length ? `<${p}mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<${p}mergeCell ref="${m}"/>`).join('')}</${p}mergeCells>` : '';
    const protect = sheet.protect ? `<${p}sheetProtection sheet="1" objects="1" scenarios="1"/>` : '';
    const root = options.prefix ? `<${p}worksheet xmlns:${options.prefix}="${MAIN_NS}" xmlns:r="${REL_NS}">` : `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${root}<${p}sheetData>${rows}</${p}sheetData>${protect}${merges}<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${p}worksheet>`;
    parts[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml);
    const state = sheet.state ? ` state="${sheet.state}"` : '';
    sheetEntries.push(`<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`);
    relEntries.push(`<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
    overrides.push(`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  });
  const n = sheets.length;
  relEntries.push(`<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  relEntries.push(`<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  parts['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  parts['_rels/.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  parts['xl/workbook.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheetEntries.join('')}</sheets><calcPr calcId="191029"/></workbook>`);
  parts['xl/_rels/workbook.xml.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">${relEntries.join('')}</Relationships>`);
  parts['xl/styles.xml'] = strToU8(options.styles === '' ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}"/>` : options.styles ?? STYLES);
  parts['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((s) => `<si>${s}</si>`).join('')}</sst>`);
  return zipSync(parts, { level: 6 });
}

/** The report form's header (docs/domain.md §1): Д/д, action, indicator, baseline, target, achieved, percent (column G). */
export const REPORT_HEADER_ROW: OddCell[] = ['Д/д', 'Арга хэмжээ', 'Шалгуур үзүүлэлт', 'Суурь түвшин', 'Зорилтот түвшин', 'Хүрсэн түвшин', 'Хувь'];

/** An item row of that form: its number, words, and the percent cell (G) as given. */
export function itemRow(n: number, percent: OddCell, numbers: { target?: OddCell; achieved?: OddCell } = {}): OddCell[] {
  return [n, `Арга хэмжээ ${n}`, 'Тоо', null, numbers.target ?? 'Хийх', numbers.achieved ?? 'Хийсэн', percent];
}

/** A number typed as text, in each of the forms a text cell can take. */
export const textCell = {
  inline: (text: string, s?: number): OddCell => ({ t: 'inlineStr', s, inner: `<is><t>${escapeXml(text)}</t></is>` }),
  str: (formula: string, cached: string): OddCell => ({ t: 'str', inner: `<f>${escapeXml(formula)}</f><v>${escapeXml(cached)}</v>` }),
  sharedAt: (index: number, s?: number): OddCell => ({ t: 's', s, inner: `<v>${index}</v>` }),
};
