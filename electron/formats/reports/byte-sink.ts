// Text written straight into a growing UTF-8 buffer. Large exports (50,000
// segments make 25-60 MB of CSV or sheet XML) are never held as one JavaScript
// string: that would cost a second copy at two bytes a character, a separate
// encoding pass, and garbage-collector time that dominated the old exports.

export class ByteSink {
  private buf: Buffer;
  private len = 0;

  constructor(initialBytes = 1 << 16) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  get length(): number {
    return this.len;
  }

  write(text: string): void {
    const most = text.length * 3;
    if (this.len + most > this.buf.length) this.reserve(Math.max(this.buf.length * 2, this.len + most));
    this.len += this.buf.write(text, this.len, 'utf8');
  }

  /**
   * Makes room for `bytes` in all, at once: a writer that can estimate its size
   * spares the copies of growing by doubling (with 25 MB of CSV, about as much
   * time as the encoding itself).
   */
  reserve(bytes: number): void {
    if (bytes <= this.buf.length) return;
    const next = Buffer.allocUnsafe(bytes);
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  /** The bytes written so far (a view, not a copy). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}
