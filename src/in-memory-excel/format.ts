// The fake Excel's rules for the formatting the adapter writes on a sheet it
// makes (the evaluation form, the roll-up): merged areas, wrapped text,
// vertical alignment, borders, row heights, data validation, page layout,
// and worksheet names. Plain functions over the model (model.ts), called by
// the proxies in excel.ts when their action runs; each rule cites where it
// is documented, or says that it is a guess on the strict side.
// Pure TypeScript, no Node APIs.

import { areaAddress, type Area } from '../core';
import { ROW_HEIGHT_LIMIT, SHEET_NAME_LIMIT, VALIDATION_TEXT } from './api';
import { FakeOfficeError } from './errors';
import type { Edge, PageLayoutModel, SheetModel, TableModel, ValidationModel } from './model';

const invalid = (message: string) => new FakeOfficeError('InvalidArgument', message);

function overlaps(first: Area, second: Area): boolean {
  return first.top <= second.bottom && second.top <= first.bottom && first.left <= second.right && second.left <= first.right;
}

function contains(outer: Area, inner: Area): boolean {
  return outer.top <= inner.top && outer.bottom >= inner.bottom && outer.left <= inner.left && outer.right >= inner.right;
}

const same = (first: Area, second: Area) => first.top === second.top && first.left === second.left && first.bottom === second.bottom && first.right === second.right;

function eachCell(area: Area, visit: (row: number, column: number) => void): void {
  for (let row = area.top; row <= area.bottom; row++) for (let column = area.left; column <= area.right; column++) visit(row, column);
}

// ---- worksheet names ---------------------------------------------------------

/**
 * Excel refuses a sheet name that is blank, longer than 31 characters, holds
 * one of : \ / ? * [ ], starts or ends with an apostrophe, or is "History"
 * (api.ts SHEET_NAME_LIMIT cites the message and the support article). The
 * error code office-js gives is not documented: InvalidArgument is a guess.
 */
export function checkSheetName(name: string): void {
  const bad =
    typeof name !== 'string' ||
    name.trim() === '' ||
    name.length > SHEET_NAME_LIMIT ||
    /[:\\/?*[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === 'history';
  if (bad) throw invalid(`You typed an invalid name for a sheet: "${name}" (1–${SHEET_NAME_LIMIT} characters, none of : \\ / ? * [ ], no apostrophe at either end, not History).`);
}

// ---- merged areas ------------------------------------------------------------

/**
 * Range.merge (ExcelApi 1.2). Excel keeps the upper-left cell's contents and
 * deletes the others' (Microsoft Support, "Merge and unmerge cells",
 * https://support.microsoft.com/office/merge-and-unmerge-cells-5cbd15d5-9375-4540-907f-c673a93fcedf:
 * the contents of the upper-left cell stay, the others' are deleted).
 * Excel's Merge commands are unavailable for cells of a table; what
 * office-js does there is not documented, so the fake refuses it. A range
 * that partly covers an existing merged area is refused too: not documented
 * for office-js, a guess on the strict side (the adapter never merges over
 * a merge). Merging the same area again changes nothing.
 */
export function mergeArea(sheet: SheetModel, area: Area, across: boolean, tables: TableModel[]): void {
  const parts = across ? rowsOf(area) : [area];
  if (tables.some((table) => table.sheet === sheet && overlaps(table.area, area))) {
    throw new FakeOfficeError('InvalidOperation', `Cells in a table cannot be merged (${areaAddress(area)}).`);
  }
  for (const part of parts) {
    if (part.top === part.bottom && part.left === part.right) continue;
    if (sheet.merges.some((merge) => same(merge, part))) continue;
    if (sheet.merges.some((merge) => overlaps(merge, part))) {
      throw new FakeOfficeError('InvalidOperation', `${areaAddress(part)} partly covers a merged area: unmerge it first.`);
    }
    eachCell(part, (row, column) => {
      if (row === part.top && column === part.left) return;
      sheet.edit(row, column, (cell) => {
        cell.v = null;
        cell.f = null;
        cell.q = false;
      });
    });
    sheet.merges.push({ ...part });
  }
}

/**
 * A 2-D write (values, formulas, number formats) over part of a merged area
 * — some of its cells, not all — is refused: Excel's UI refuses it ("We
 * can't do that to a merged cell"; Microsoft Support, "Merge and unmerge
 * cells"). office-js does not document what it does: a guess on the strict
 * side. The merged area's top-left cell alone is the merged cell itself,
 * and may be written; a write to another single cell of it is not kept
 * (excel.ts, keepsContent).
 */
export function checkMergedWrite(sheet: SheetModel, area: Area, what: string): void {
  const single = area.top === area.bottom && area.left === area.right;
  if (single) return;
  const cut = sheet.merges.find((merge) => overlaps(merge, area) && !(merge.top >= area.top && merge.bottom <= area.bottom && merge.left >= area.left && merge.right <= area.right));
  if (cut) {
    throw new FakeOfficeError('InvalidOperation', `We can't do that to a merged cell: writing ${what} to ${areaAddress(area)} would change part of the merged area ${areaAddress(cut)}.`);
  }
}

function rowsOf(area: Area): Area[] {
  const out: Area[] = [];
  for (let row = area.top; row <= area.bottom; row++) out.push({ ...area, top: row, bottom: row });
  return out;
}

/** Range.unmerge (ExcelApi 1.2): every merged area that overlaps the range is split. */
export function unmergeArea(sheet: SheetModel, area: Area): void {
  sheet.merges = sheet.merges.filter((merge) => !overlaps(merge, area));
}

// ---- cell formats ------------------------------------------------------------

const VERTICAL = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

/** RangeFormat.verticalAlignment (ExcelApi 1.1): one of Excel.VerticalAlignment. */
export function checkVerticalAlignment(alignment: string): void {
  if (!VERTICAL.includes(alignment)) throw invalid(`verticalAlignment ${alignment} is not one of ${VERTICAL.join(', ')}.`);
}

/** RangeFormat.rowHeight (ExcelApi 1.2), in points: Excel's limit is 409 (specifications and limits). */
export function setRowHeight(sheet: SheetModel, area: Area, points: number): void {
  if (typeof points !== 'number' || !(points >= 0) || points > ROW_HEIGHT_LIMIT) throw invalid(`Row height ${points} is not from 0 to ${ROW_HEIGHT_LIMIT} points.`);
  for (let row = area.top; row <= area.bottom; row++) sheet.heights.set(row, points);
}

const LINE_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'];
const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;
type BorderIndex = (typeof BORDER_INDEXES)[number];

/** The cells and edges one border of a range stands for. */
function edgesOf(area: Area, index: BorderIndex): { area: Area; edge: Edge }[] {
  const { top, left, bottom, right } = area;
  switch (index) {
    case 'EdgeTop':
      return [{ area: { top, left, bottom: top, right }, edge: 'top' }];
    case 'EdgeBottom':
      return [{ area: { top: bottom, left, bottom, right }, edge: 'bottom' }];
    case 'EdgeLeft':
      return [{ area: { top, left, bottom, right: left }, edge: 'left' }];
    case 'EdgeRight':
      return [{ area: { top, left: right, bottom, right }, edge: 'right' }];
    case 'InsideHorizontal':
      return [
        { area: { top, left, bottom: bottom - 1, right }, edge: 'bottom' },
        { area: { top: top + 1, left, bottom, right }, edge: 'top' },
      ];
    case 'InsideVertical':
      return [
        { area: { top, left, bottom, right: right - 1 }, edge: 'right' },
        { area: { top, left: left + 1, bottom, right }, edge: 'left' },
      ];
  }
}

/**
 * RangeBorder.style / .weight (ExcelApi 1.1) of one of the range's borders
 * (Excel.BorderIndex; the diagonals are not modelled). An edge keeps its
 * style and weight as "Continuous Thin"; style None removes it. An inside
 * border of a range one row high (or one column wide) has no cells to
 * draw between: refused (VBA fails the same way; for office-js a guess on
 * the strict side — the adapter sets inside borders only on larger ranges).
 */
export function setBorder(sheet: SheetModel, area: Area, index: string, prop: 'style' | 'weight', value: string): Iterator<unknown, void> {
  if (!(BORDER_INDEXES as readonly string[]).includes(index)) throw new FakeOfficeError('NotImplemented', `Border ${index}`);
  if (!(prop === 'style' ? LINE_STYLES : WEIGHTS).includes(value)) throw invalid(`Border ${prop} ${value} is not one of ${(prop === 'style' ? LINE_STYLES : WEIGHTS).join(', ')}.`);
  if ((index === 'InsideHorizontal' && area.top === area.bottom) || (index === 'InsideVertical' && area.left === area.right)) {
    throw invalid(`${areaAddress(area)} has no ${index} border.`);
  }
  return borderSteps(sheet, edgesOf(area, index as BorderIndex), prop, value);
}

/** setBorder's cells, a row at a time (checked first, done as the caller steps through them). */
function* borderSteps(sheet: SheetModel, parts: { area: Area; edge: Edge }[], prop: 'style' | 'weight', value: string): Iterator<unknown, void> {
  for (const part of parts) {
    for (let row = part.area.top; row <= part.area.bottom; row++) {
      for (let column = part.area.left; column <= part.area.right; column++) {
        sheet.edit(row, column, (cell) => {
          const [style, weight] = (cell.border?.[part.edge] ?? 'None Thin').split(' ');
          const next = prop === 'style' ? `${value} ${weight}` : `${style === 'None' ? 'Continuous' : style} ${value}`;
          const border = { ...(cell.border ?? {}) };
          if (next.startsWith('None ')) delete border[part.edge];
          else border[part.edge] = next;
          cell.border = Object.keys(border).length > 0 ? border : null;
        });
      }
      yield row;
    }
  }
}

// ---- data validation ---------------------------------------------------------

const RULE_TYPES = ['wholeNumber', 'decimal', 'textLength', 'date', 'time', 'list', 'custom'];
const OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];

/**
 * A DataValidationRule: exactly one type ("No more than one of these
 * properties may be present in any DataValidationRule object", Add data
 * validation to Excel ranges,
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation);
 * a basic rule needs an operator and formula1, and Between / NotBetween
 * need formula2 ("To use these, you must specify the optional formula2
 * property", same article). A minimum above the maximum is refused, as
 * Excel's dialog refuses it ("The Maximum must be greater than or equal to
 * the Minimum"; for office-js a guess on the strict side).
 */
function checkRule(rule: unknown): void {
  const fields = (rule ?? {}) as Record<string, unknown>;
  const types = Object.keys(fields).filter((key) => fields[key] !== undefined && fields[key] !== null);
  if (types.length !== 1 || !RULE_TYPES.includes(types[0])) throw invalid(`A data validation rule needs exactly one of ${RULE_TYPES.join(', ')} (got ${types.join(', ') || 'none'}).`);
  const type = types[0];
  // ListDataValidation.source: "a Range object, or a string that contains a comma-separated number, boolean, or date" (@types/office-js).
  const source = type === 'list' ? (fields.list as { source?: unknown }).source : undefined;
  if (type === 'list' && !((typeof source === 'string' && source !== '') || (typeof source === 'object' && source !== null))) {
    throw invalid('A list rule needs its source: a comma-separated string or a range.');
  }
  if (type === 'list' || type === 'custom') return;
  const basic = fields[type] as { operator?: string; formula1?: unknown; formula2?: unknown };
  if (!basic.operator || !OPERATORS.includes(basic.operator)) throw invalid(`Data validation operator ${basic.operator} is not one of ${OPERATORS.join(', ')}.`);
  if (basic.formula1 === undefined || basic.formula1 === null || basic.formula1 === '') throw invalid('Data validation needs formula1.');
  const between = basic.operator === 'Between' || basic.operator === 'NotBetween';
  if (between && (basic.formula2 === undefined || basic.formula2 === null || basic.formula2 === '')) throw invalid(`${basic.operator} needs formula2.`);
  if (between && typeof basic.formula1 === 'number' && typeof basic.formula2 === 'number' && basic.formula1 > basic.formula2) {
    throw invalid('The Maximum must be greater than or equal to the Minimum.');
  }
}

function checkText(what: string, text: unknown, limit: number): void {
  if (text !== undefined && (typeof text !== 'string' || text.length > limit)) throw invalid(`The data validation ${what} is longer than ${limit} characters.`);
}

/** Prompt and error alert texts within Excel's lengths (api.ts VALIDATION_TEXT cites them); an alert style of Excel.DataValidationAlertStyle. */
function checkMessages(part: 'prompt' | 'errorAlert', value: { title?: unknown; message?: unknown; style?: unknown }): void {
  checkText(`${part} title`, value.title, VALIDATION_TEXT.title);
  checkText(`${part} message`, value.message, part === 'prompt' ? VALIDATION_TEXT.prompt : VALIDATION_TEXT.error);
  if (part === 'errorAlert' && value.style !== undefined && !['Stop', 'Warning', 'Information'].includes(String(value.style))) throw invalid(`Alert style ${String(value.style)}`);
}

export type ValidationPart = 'rule' | 'prompt' | 'errorAlert' | 'ignoreBlanks';

/**
 * The validation a range's setting goes to: the one on exactly this range,
 * or a new one where the range has none. A range whose cells carry other
 * validations (some, or a different area) is refused: office-js fails
 * setting a rule over cells whose validations differ with InvalidArgument
 * (OfficeDev/office-js#2594, "The argument is invalid or missing or has an
 * incorrect format."); refusing every partial overlap is stricter than that.
 */
function validationFor(sheet: SheetModel, area: Area): ValidationModel {
  const here = sheet.validations.filter((validation) => overlaps(validation.area, area));
  if (here.length === 1 && same(here[0].area, area)) return here[0];
  if (here.length > 0) throw invalid(`${areaAddress(area)} overlaps other data validation (${here.map((validation) => areaAddress(validation.area)).join(', ')}): clear it first.`);
  const created: ValidationModel = { area: { ...area }, rule: null, prompt: null, errorAlert: null, ignoreBlanks: true };
  sheet.validations.push(created);
  return created;
}

/** Range.dataValidation (ExcelApi 1.8): rule, prompt, errorAlert or ignoreBlanks set on a range. */
export function setValidation(sheet: SheetModel, area: Area, part: ValidationPart, value: unknown): void {
  if (part === 'rule') checkRule(value);
  if (part === 'prompt' || part === 'errorAlert') checkMessages(part, (value ?? {}) as Record<string, unknown>);
  const validation = validationFor(sheet, area);
  if (part === 'rule') validation.rule = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  else if (part === 'ignoreBlanks') validation.ignoreBlanks = value === true;
  else validation[part] = { ...(value as object) };
}

/** DataValidation.clear(): the validations inside the range go (one partly outside it is not modelled). */
export function clearValidation(sheet: SheetModel, area: Area): void {
  if (sheet.validations.some((validation) => overlaps(validation.area, area) && !contains(area, validation.area))) {
    throw new FakeOfficeError('NotImplemented', `Clearing part of a data validation (${areaAddress(area)})`);
  }
  sheet.validations = sheet.validations.filter((validation) => !overlaps(validation.area, area));
}

// ---- page layout ---------------------------------------------------------------

const PAPER = ['Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Folio', 'Quatro'];

/**
 * Worksheet.pageLayout (ExcelApi 1.9): paperSize one of Excel.PaperType (the
 * common ones modelled), orientation Portrait or Landscape, zoom either a
 * scale "between 10 and 400" or pages to fit (PageLayoutZoomOptions doc
 * comments: the scale "can be null if fit to page tall or wide is
 * specified"; giving both is refused, a guess on the strict side).
 */
export function setPageLayout(sheet: SheetModel, prop: keyof PageLayoutModel, value: unknown): void {
  if (prop === 'paperSize' && !PAPER.includes(String(value))) throw invalid(`Paper size ${String(value)}`);
  if (prop === 'orientation' && value !== 'Portrait' && value !== 'Landscape') throw invalid(`Orientation ${String(value)}`);
  if (prop === 'zoom') checkZoom(value as PageLayoutModel['zoom']);
  sheet.pageLayout = { ...sheet.pageLayout, [prop]: typeof value === 'object' ? { ...(value as object) } : value };
}

function checkZoom(zoom: PageLayoutModel['zoom']): void {
  const given = zoom ?? {};
  const fit = [given.horizontalFitToPages, given.verticalFitToPages].filter((pages) => pages !== undefined && pages !== null);
  if (given.scale !== undefined && given.scale !== null && (given.scale < 10 || given.scale > 400)) throw invalid(`Print scale ${given.scale} is not between 10 and 400.`);
  if (given.scale !== undefined && given.scale !== null && fit.length > 0) throw invalid('A print zoom is a scale or pages to fit, not both.');
  if (fit.some((pages) => !Number.isInteger(pages) || (pages as number) < 0)) throw invalid('Pages to fit are whole numbers from 0.');
  if (fit.length === 0 && (given.scale === undefined || given.scale === null)) throw invalid('An empty print zoom.');
}
