import { describe, expect, it } from 'vitest';
import { markupText, validXml, xmlAttr, xmlText } from '../../electron/formats/xml-escape';
import { escapeAttr, escapeText } from '../../electron/formats/refi/xml-write';
import { parseXml } from '../../electron/formats/refi/xml-read';
import { escapeXml, xmlSafe } from '../../electron/formats/reports/text';
import { cellXml } from '../../electron/formats/reports/xlsx-writer';

// One escaper for every XML writer; the differences are named by the caller.

const NASTY = 'Ama said "5 < 7 & 8 > 2" \'twice\'\r\nthen\ttabbed \u0001\u000b\uFFFF\uD800 done _x0041_';

describe('xml escaping', () => {
  it('drops or replaces exactly the characters XML 1.0 cannot hold, keeping emoji and Arabic', () => {
    expect(validXml('a\u0000b\u001fc\uFFFEd\uDC00e😀 مرحبا\t\n\r', 'drop')).toBe('abcde😀 مرحبا\t\n\r');
    expect(validXml('a\u0000b\uD800', 'replace')).toBe('a\uFFFDb\uFFFD');
  });

  it('escapes per place: element text, attribute, markup', () => {
    expect(xmlText('a & <b> "c" \'d\'\r\n\t', 'drop')).toBe('a &amp; &lt;b&gt; "c" \'d\'&#13;\n\t');
    expect(xmlAttr('a & <b> "c" \'d\'\r\n\t', 'drop')).toBe("a &amp; &lt;b&gt; &quot;c&quot; 'd'&#13;&#10;&#9;");
    expect(markupText('a & <b> "c" \'d\'\n', 'drop')).toBe('a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;\n');
    expect(xmlText('plain words', 'replace')).toBe('plain words');
  });

  it('is the one core behind REFI-QDA (U+FFFD), reports (dropped) and XLSX (plus its _x escape)', () => {
    expect(escapeText(NASTY)).toBe(xmlText(NASTY, 'replace'));
    expect(escapeAttr(NASTY)).toBe(xmlAttr(NASTY, 'replace'));
    expect(escapeText(NASTY)).toContain('\uFFFD');
    expect(escapeXml(NASTY)).toBe(markupText(NASTY, 'drop'));
    expect(escapeXml(NASTY)).not.toContain('\uFFFD');
    expect(xmlSafe(NASTY)).toBe(validXml(NASTY, 'drop'));
    expect(cellXml(NASTY)).toBe(xmlText(NASTY, 'drop').replace('_x0041_', '_x005F_x0041_'));
  });

  it('reads back as the text it escaped (what XML can hold) from element text and attributes', () => {
    const s = 'Ama said "5 < 7 & 8 > 2" \'twice\' then\ttabbed \u0001 done';
    const root = parseXml('t.qde', 'project.qde', `<p a="${escapeAttr(s)}">${escapeText(s)}</p>`);
    expect(root.attrs.a).toBe(validXml(s, 'replace'));
    expect(root.text).toBe(validXml(s, 'replace'));
  });
});
