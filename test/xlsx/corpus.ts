// The preservation corpus, built by the tests themselves from the fixtures:
// the parts an .xlsx can hold that the engine never reads (charts, drawings,
// a pivot table and its cache, a VBA project, printer settings, custom
// properties, defined names, data validations, conditional formats,
// hyperlinks, an Excel table, protection, comments, print options), written
// as XML (and a few binary parts) into the zip. An independent zip builder
// (fflate's zipSync) makes them, not the code under test.

import * as fs from 'fs';
import { unzipSync, zipSync, strToU8, strFromU8 } from 'fflate';
import { fixturePath, type FixtureName } from '../support/fixtures';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  chartsheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  pivotTable: 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml',
  pivotCache: 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml',
  pivotRecords: 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml',
  printer: 'application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings',
  custom: 'application/vnd.openxmlformats-officedocument.custom-properties+xml',
  calcChain: 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml',
  macroWorkbook: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  vba: 'application/vnd.ms-office.vbaProject',
};

export type Parts = Map<string, Uint8Array>;

export const unzip = (bytes: Uint8Array): Parts => new Map(Object.entries(unzipSync(bytes)).filter(([k]) => !k.endsWith('/')));
export const zip = (parts: Parts): Uint8Array => zipSync(Object.fromEntries(parts), { level: 6 });
export const text = (parts: Parts, name: string): string => strFromU8(parts.get(name)!, false);
export const put = (parts: Parts, name: string, xml: string | Uint8Array) => parts.set(name, typeof xml === 'string' ? strToU8(xml) : xml);

/** A pseudo-random binary part (printer settings, a VBA project): contents the writer must carry byte for byte. */
function binary(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

const rels = (list: [id: string, type: string, target: string, external?: boolean][]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${list
    .map(([id, type, target, ext]) => `<Relationship Id="${id}" Type="${type.startsWith('http') ? type : `${REL}/${type}`}" Target="${target}"${ext ? ' TargetMode="External"' : ''}/>`)
    .join('')}</Relationships>`;

const chartXml = (ref: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>${ref}</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const graphicFrame = `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/>`;
const drawingXml = (anchor: 'two' | 'absolute') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">${
    anchor === 'two'
      ? `<xdr:twoCellAnchor><xdr:from><xdr:col>22</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>28</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${graphicFrame}</xdr:twoCellAnchor>`
      : `<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8666692" cy="6299200"/>${graphicFrame}</xdr:absoluteAnchor>`
  }</xdr:wsDr>`;

export interface SinkOptions {
  /** .xlsm: the macro content type and a vbaProject.bin. */
  macro?: boolean;
  /** <workbookProtection lockStructure="1">: no summary sheet can be added. */
  lockStructure?: boolean;
  /** The report sheet itself protected: nothing can be written on it. */
  protectReport?: boolean;
}

/** Where the sink's extra cells are (column T: a percent formula without a cached value; U8:U10 a shared formula). */
export const SINK = {
  percentFormula: 'T8',
  shared: ['U8', 'U9', 'U10'],
  hyperlinked: 'H8',
};

/** The aimag report with everything the engine does not read added around it. */
export function buildSink(o: SinkOptions = {}): Uint8Array {
  const parts = unzip(new Uint8Array(fs.readFileSync(fixturePath('report-2024-aimag-admin-dept'))));
  // ---- the report sheet -------------------------------------------------------------------
  let s1 = text(parts, 'xl/worksheets/sheet1.xml');
  s1 = s1.replace(/(<worksheet[^>]*>)/, '$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  // T8: a percent-formatted formula with no cached value (as openpyxl writes them); U8:U10: one shared formula.
  s1 = s1.replace(/(<row r="8" )spans="1:8"([^>]*>[\s\S]*?)(<\/row>)/, `$1spans="1:21"$2<c r="T8" s="3"><f>H8/100</f></c><c r="U8"><f t="shared" ref="U8:U10" si="0">$H8*2+T$8</f><v>201</v></c>$3`);
  s1 = s1.replace(/(<row r="9" )spans="1:8"([^>]*>[\s\S]*?)(<\/row>)/, '$1spans="1:21"$2<c r="U9"><f t="shared" si="0"/><v>201</v></c>$3');
  s1 = s1.replace(/(<row r="10" )spans="1:8"([^>]*>[\s\S]*?)(<\/row>)/, '$1spans="1:21"$2<c r="U10"><f t="shared" si="0"/><v>201</v></c>$3');
  const protect = o.protectReport ? '<sheetProtection sheet="1" objects="1" scenarios="1" password="CC3D"/>' : '';
  s1 = s1.replace('</sheetData>', `</sheetData>${protect}`);
  s1 = s1.replace(
    '<pageMargins',
    '<conditionalFormatting sqref="H8:H98"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" showErrorMessage="1" sqref="E:H"><formula1>0</formula1><formula2>100000</formula2></dataValidation></dataValidations>' +
      `<hyperlinks><hyperlink ref="${SINK.hyperlinked}" r:id="rIdH1"/><hyperlink ref="C8" location="'Тайлан'!A1" display="Эхлэл"/></hyperlinks>` +
      '<printOptions horizontalCentered="1" gridLines="1"/><pageMargins',
  );
  s1 = s1.replace(/<pageSetup ([^>]*)\/>/, '<pageSetup $1 r:id="rIdP1"/><drawing r:id="rIdD1"/><legacyDrawing r:id="rIdV1"/>');
  put(parts, 'xl/worksheets/sheet1.xml', s1);
  put(
    parts,
    'xl/worksheets/_rels/sheet1.xml.rels',
    rels([
      ['rIdH1', 'hyperlink', 'https://example.org/tailan?a=1&amp;b=2', true],
      ['rIdP1', 'printerSettings', '../printerSettings/printerSettings1.bin'],
      ['rIdD1', 'drawing', '../drawings/drawing1.xml'],
      ['rIdV1', 'vmlDrawing', '../drawings/vmlDrawing1.vml'],
      ['rIdC1', 'comments', '../comments1.xml'],
    ]),
  );
  put(parts, 'xl/printerSettings/printerSettings1.bin', binary(4096, 7));
  put(parts, 'xl/drawings/drawing1.xml', drawingXml('two'));
  put(parts, 'xl/drawings/_rels/drawing1.xml.rels', rels([['rId1', 'chart', '../charts/chart1.xml']]));
  put(parts, 'xl/charts/chart1.xml', chartXml("'Тайлан'!$H$8:$H$13"));
  put(
    parts,
    'xl/comments1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors><author>Шалгагч</author></authors><commentList><comment ref="B8" authorId="0"><text><r><t>Хуучин тайлбар</t></r></text></comment></commentList></comments>`,
  );
  put(
    parts,
    'xl/drawings/vmlDrawing1.vml',
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:100pt;margin-top:20pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>7</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>',
  );

  // ---- a protected list sheet with an Excel table (and a data validation over A:Z) ----------
  put(
    parts,
    'xl/worksheets/sheet2.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:B3"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Нэр</t></is></c><c r="B1" t="inlineStr"><is><t>Тоо</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>а</t></is></c><c r="B2"><v>1</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>б</t></is></c><c r="B3"><v>2</v></c></row></sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/><dataValidations count="1"><dataValidation type="textLength" operator="lessThan" allowBlank="1" sqref="A:Z"><formula1>32000</formula1></dataValidation></dataValidations><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`,
  );
  put(parts, 'xl/worksheets/_rels/sheet2.xml.rels', rels([['rId1', 'table', '../tables/table1.xml']]));
  put(
    parts,
    'xl/tables/table1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN}" id="1" name="Table1" displayName="Table1" ref="A1:B3" totalsRowShown="0"><autoFilter ref="A1:B3"/><tableColumns count="2"><tableColumn id="1" name="Нэр"/><tableColumn id="2" name="Тоо"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
  );

  // ---- a worksheet that holds only a chart -------------------------------------------------
  put(parts, 'xl/worksheets/sheet3.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></worksheet>`);
  put(parts, 'xl/worksheets/_rels/sheet3.xml.rels', rels([['rId1', 'drawing', '../drawings/drawing2.xml']]));
  put(parts, 'xl/drawings/drawing2.xml', drawingXml('two'));
  put(parts, 'xl/drawings/_rels/drawing2.xml.rels', rels([['rId1', 'chart', '../charts/chart2.xml']]));
  put(parts, 'xl/charts/chart2.xml', chartXml("'Тайлан'!$H$14:$H$20"));

  // ---- a hidden sheet with a pivot table, and its cache ------------------------------------------
  put(
    parts,
    'xl/worksheets/sheet4.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData><row r="3"><c r="A3" t="inlineStr"><is><t>Row Labels</t></is></c><c r="B3" t="inlineStr"><is><t>Sum of Тоо</t></is></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>а</t></is></c><c r="B4"><v>1</v></c></row><row r="5"><c r="A5" t="inlineStr"><is><t>б</t></is></c><c r="B5"><v>2</v></c></row><row r="6"><c r="A6" t="inlineStr"><is><t>Grand Total</t></is></c><c r="B6"><v>3</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
  );
  put(parts, 'xl/worksheets/_rels/sheet4.xml.rels', rels([['rId1', 'pivotTable', '../pivotTables/pivotTable1.xml']]));
  put(
    parts,
    'xl/pivotTables/pivotTable1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="${MAIN}" name="PivotTable1" cacheId="1" dataCaption="Values" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" useAutoFormatting="1" itemPrintTitles="1" indent="0" outline="1" outlineData="1"><location ref="A3:B6" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Sum of Тоо" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`,
  );
  put(parts, 'xl/pivotTables/_rels/pivotTable1.xml.rels', rels([['rId1', 'pivotCacheDefinition', '../pivotCache/pivotCacheDefinition1.xml']]));
  put(
    parts,
    'xl/pivotCache/pivotCacheDefinition1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="0" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="Жагсаалт"/></cacheSource><cacheFields count="2"><cacheField name="Нэр" numFmtId="0"><sharedItems count="2"><s v="а"/><s v="б"/></sharedItems></cacheField><cacheField name="Тоо" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1" maxValue="2"/></cacheField></cacheFields></pivotCacheDefinition>`,
  );
  put(parts, 'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels', rels([['rId1', 'pivotCacheRecords', 'pivotCacheRecords1.xml']]));
  put(parts, 'xl/pivotCache/pivotCacheRecords1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="${MAIN}" count="2"><r><x v="0"/><n v="1"/></r><r><x v="1"/><n v="2"/></r></pivotCacheRecords>`);

  // ---- a chart sheet --------------------------------------------------------------------------------
  put(parts, 'xl/chartsheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`);
  put(parts, 'xl/chartsheets/_rels/sheet1.xml.rels', rels([['rId1', 'drawing', '../drawings/drawing3.xml']]));
  put(parts, 'xl/drawings/drawing3.xml', drawingXml('absolute'));
  put(parts, 'xl/drawings/_rels/drawing3.xml.rels', rels([['rId1', 'chart', '../charts/chart3.xml']]));
  put(parts, 'xl/charts/chart3.xml', chartXml("'Тайлан'!$H$21:$H$24"));

  // ---- the workbook: sheets, protection, defined names, pivot caches, a calc chain ----------------
  let wb = text(parts, 'xl/workbook.xml');
  const lock = o.lockStructure ? '<workbookProtection lockStructure="1" workbookPassword="CC3D"/>' : '<workbookProtection lockWindows="1"/>';
  wb = wb.replace(/(<workbookPr[^>]*\/>)/, `$1${lock}`);
  wb = wb.replace(
    '</sheets>',
    '<sheet sheetId="2" name="Жагсаалт" r:id="rId12"/><sheet sheetId="3" name="График" r:id="rId13"/><sheet sheetId="4" name="Пивот" state="hidden" r:id="rId14"/><sheet sheetId="6" name="Диаграм" r:id="rId15"/></sheets>' +
      `<definedNames><definedName name="Rate">0.15</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">'Тайлан'!$A$1:$H$119</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">'Тайлан'!$5:$6</definedName></definedNames>`,
  );
  wb = wb.replace(/(<calcPr[^>]*\/>)/, '$1<pivotCaches><pivotCache cacheId="1" r:id="rId16"/></pivotCaches>');
  put(parts, 'xl/workbook.xml', wb);
  let wbRels = text(parts, 'xl/_rels/workbook.xml.rels');
  const more: [string, string, string][] = [
    ['rId12', 'worksheet', 'worksheets/sheet2.xml'],
    ['rId13', 'worksheet', 'worksheets/sheet3.xml'],
    ['rId14', 'worksheet', 'worksheets/sheet4.xml'],
    ['rId15', 'chartsheet', 'chartsheets/sheet1.xml'],
    ['rId16', 'pivotCacheDefinition', 'pivotCache/pivotCacheDefinition1.xml'],
    ['rId17', 'calcChain', 'calcChain.xml'],
  ];
  if (o.macro) more.push(['rId18', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin']);
  wbRels = wbRels.replace('</Relationships>', `${more.map(([id, t, target]) => `<Relationship Id="${id}" Type="${t.startsWith('http') ? t : `${REL}/${t}`}" Target="${target}"/>`).join('')}</Relationships>`);
  put(parts, 'xl/_rels/workbook.xml.rels', wbRels);
  put(parts, 'xl/calcChain.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="${MAIN}"><c r="T8" i="1"/><c r="U8"/><c r="U9"/><c r="U10"/></calcChain>`);
  if (o.macro) put(parts, 'xl/vbaProject.bin', binary(8192, 11));

  // ---- custom document properties -----------------------------------------------------------------
  put(
    parts,
    'docProps/custom.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Нэгж"><vt:lpwstr>Захиргааны хэлтэс</vt:lpwstr></property></Properties>`,
  );
  put(parts, '_rels/.rels', text(parts, '_rels/.rels').replace('</Relationships>', `<Relationship Id="rId4" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`));

  // ---- content types --------------------------------------------------------------------------------
  let ct = text(parts, '[Content_Types].xml');
  const overrides: [string, string][] = [
    ['/xl/worksheets/sheet2.xml', CT.worksheet],
    ['/xl/worksheets/sheet3.xml', CT.worksheet],
    ['/xl/worksheets/sheet4.xml', CT.worksheet],
    ['/xl/chartsheets/sheet1.xml', CT.chartsheet],
    ['/xl/drawings/drawing1.xml', CT.drawing],
    ['/xl/drawings/drawing2.xml', CT.drawing],
    ['/xl/drawings/drawing3.xml', CT.drawing],
    ['/xl/charts/chart1.xml', CT.chart],
    ['/xl/charts/chart2.xml', CT.chart],
    ['/xl/charts/chart3.xml', CT.chart],
    ['/xl/comments1.xml', CT.comments],
    ['/xl/tables/table1.xml', CT.table],
    ['/xl/pivotTables/pivotTable1.xml', CT.pivotTable],
    ['/xl/pivotCache/pivotCacheDefinition1.xml', CT.pivotCache],
    ['/xl/pivotCache/pivotCacheRecords1.xml', CT.pivotRecords],
    ['/xl/printerSettings/printerSettings1.bin', CT.printer],
    ['/docProps/custom.xml', CT.custom],
    ['/xl/calcChain.xml', CT.calcChain],
  ];
  if (o.macro) {
    overrides.push(['/xl/vbaProject.bin', CT.vba]);
    ct = ct.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', CT.macroWorkbook);
  }
  ct = ct.replace('</Types>', `${overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join('')}</Types>`);
  put(parts, '[Content_Types].xml', ct);
  return zip(parts);
}

/** A fixture's bytes. */
export const fixtureBytes = (name: FixtureName): Uint8Array => new Uint8Array(fs.readFileSync(fixturePath(name)));
