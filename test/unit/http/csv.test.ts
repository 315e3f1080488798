import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../shared/http/csv';

describe('csvCell', () => {
  it('makes text a spreadsheet would run as a formula inert (OWASP): a leading apostrophe, quoted', () => {
    expect(csvCell('=HYPERLINK("https://evil.example","click")')).toBe('"\'=HYPERLINK(""https://evil.example"",""click"")"');
    expect(csvCell('+1+cmd|/C calc!A0')).toBe('"\'+1+cmd|/C calc!A0"');
    expect(csvCell('-2+3')).toBe('"\'-2+3"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvCell('\t=1')).toBe('"\'\t=1"');
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and leaves plain text and numbers alone', () => {
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvCell('Port Varna')).toBe('Port Varna');
    expect(csvCell('7 = seven')).toBe('7 = seven');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('writes a header and one CRLF-ended line per row', () => {
    expect(toCsv(['id', 'note'], [{ id: 'c1', note: '=1+1' }, { id: 'c2' }])).toBe('id,note\r\nc1,"\'=1+1"\r\nc2,\r\n');
  });
});
