import { describe, expect, it } from 'vitest';
import { ByteSink } from '../../electron/formats/reports/byte-sink';

// The buffer big exports are written into: what comes out is exactly the UTF-8 of
// what went in, whether it grew by doubling, by a reservation, or past one.

const decode = (b: Uint8Array) => new TextDecoder().decode(b);

describe('ByteSink', () => {
  it('keeps every byte across growth by doubling, a reservation and growth past the reservation', () => {
    const sink = new ByteSink(8);
    const parts = ['Mrs Nabwire: ', 'ہم سب ایک ہی دنیا کے بچے ہیں۔', ' — “quoted”, 😀\r\n'];
    let expected = '';
    for (let i = 0; i < 50; i++) {
      const part = parts[i % parts.length];
      sink.write(part);
      expected += part;
      if (i === 10) sink.reserve(sink.length + 64); // too small on purpose: later writes grow past it
      if (i === 20) sink.reserve(4); // smaller than what is held: nothing lost
    }
    expect(sink.length).toBe(Buffer.byteLength(expected));
    expect(decode(sink.bytes())).toBe(expected);
  });

  it('an empty sink gives no bytes', () => {
    expect(new ByteSink().bytes()).toHaveLength(0);
  });
});
