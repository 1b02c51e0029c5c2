import { escapeXml } from './text';

// The fixed parts of an .xlsx package around its sheets: content types,
// relationships, the workbook with its sheet list (and the hidden names Excel
// keeps for auto-filters), two cell styles (normal and bold), document properties.

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const PKG = 'http://schemas.openxmlformats.org/package/2006';
const OFFICE = 'application/vnd.openxmlformats-officedocument';

const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

function relationships(list: [type: string, target: string][]): string {
  const rels = list.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`).join('');
  return `${XML_HEAD}<Relationships xmlns="${PKG}/relationships">${rels}</Relationships>`;
}

/** A sheet name inside a formula: quoted, with quotes doubled. */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function packageParts(sheets: string[], filters: { sheet: number; range: string | null }[], created: Date): Record<string, string> {
  const when = `${created.toISOString().slice(0, 19)}Z`;
  const sheetTypes = sheets
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${OFFICE}.spreadsheetml.worksheet+xml"/>`)
    .join('');
  const names = filters
    .filter((f) => f.range)
    .map(
      (f) =>
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${f.sheet}" hidden="1">${escapeXml(`${quotedSheet(sheets[f.sheet])}!${f.range}`)}</definedName>`,
    )
    .join('');
  return {
    '[Content_Types].xml':
      `${XML_HEAD}<Types xmlns="${PKG}/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${OFFICE}.spreadsheetml.sheet.main+xml"/>${sheetTypes}` +
      `<Override PartName="/xl/styles.xml" ContentType="${OFFICE}.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${OFFICE}.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="${OFFICE}.extended-properties+xml"/></Types>`,
    '_rels/.rels': relationships([
      [`${REL}/officeDocument`, 'xl/workbook.xml'],
      [`${PKG}/relationships/metadata/core-properties`, 'docProps/core.xml'],
      [`${REL}/extended-properties`, 'docProps/app.xml'],
    ]),
    'docProps/core.xml':
      `${XML_HEAD}<cp:coreProperties xmlns:cp="${PKG}/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
      `xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Fieldcode</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`,
    'docProps/app.xml': `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Fieldcode</Application></Properties>`,
    'xl/workbook.xml':
      `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>` +
      sheets.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      `</sheets>${names ? `<definedNames>${names}</definedNames>` : ''}</workbook>`,
    'xl/_rels/workbook.xml.rels': relationships([
      ...sheets.map((_, i): [string, string] => [`${REL}/worksheet`, `worksheets/sheet${i + 1}.xml`]),
      [`${REL}/styles`, 'styles.xml'],
      [`${REL}/sharedStrings`, 'sharedStrings.xml'],
    ]),
    'xl/styles.xml': STYLES,
  };
}
