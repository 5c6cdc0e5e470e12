import { csvDocument, csvField, csvRow } from './csv';

describe('csvField', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(-3)).toBe('-3');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])(
    'neutralises a text starting a formula: %j',
    text => {
      const field = csvField(text);
      expect(field.replace(/^"/, '')).toMatch(/^'/);
    },
  );

  it('writes rows and documents with CRLF', () => {
    expect(csvRow(['a', 'b,c', 1])).toBe('a,"b,c",1');
    expect(csvDocument(['x', 'y'], [['1', '2']])).toBe('x,y\r\n1,2\r\n');
  });
});
