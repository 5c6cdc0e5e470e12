import { createHash } from 'node:crypto';
import { URL_NAMESPACE_UUID, base64, sha1, uuidV5 } from './uuid';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('sha1', () => {
  it('matches the FIPS 180 test vectors', () => {
    expect(hex(sha1(new TextEncoder().encode('abc')))).toBe(
      'a9993e364706816aba3e25717850c26c9cd0d89d',
    );
    expect(hex(sha1(new Uint8Array(0)))).toBe(
      'da39a3ee5e6b4b0d3255bfef95601890afd80709',
    );
  });

  it('matches node:crypto for every length around the block boundaries', () => {
    for (let n = 0; n < 200; n++) {
      const bytes = Uint8Array.from(
        { length: n },
        (_, i) => (i * 31 + n) & 0xff,
      );
      expect(hex(sha1(bytes))).toBe(
        createHash('sha1').update(bytes).digest('hex'),
      );
    }
  });
});

describe('uuidV5', () => {
  it('matches the RFC 4122 v5 reference value', () => {
    // the same construction done with node:crypto, and the widely published DNS-namespace value
    expect(uuidV5('http://www.example.com/', URL_NAMESPACE_UUID)).toBe(
      uuidFromNode('http://www.example.com/', URL_NAMESPACE_UUID),
    );
    expect(
      uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'),
    ).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('base64', () => {
  it('matches Buffer for every padding case and non-ASCII text', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', 'Überprüfung – §4 ✓']) {
      const bytes = new TextEncoder().encode(text);
      expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});

function uuidFromNode(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1')
    .update(ns)
    .update(name)
    .digest()
    .subarray(0, 16);
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const h = hash.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(
    16,
    20,
  )}-${h.slice(20)}`;
}
