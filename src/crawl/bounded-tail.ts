/** Keeps the last `limit` bytes of a stream, for error reports from chatty servers. */
export class BoundedTail {
  private chunks: Buffer[] = [];
  private size = 0;
  /** Bytes seen in all, kept or not. */
  total = 0;

  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    this.total += chunk.length;
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.limit && this.chunks.length > 1) {
      const dropped = this.chunks.shift()!;
      this.size -= dropped.length;
    }
    if (this.size > this.limit) {
      const only = this.chunks[0]!;
      this.chunks = [only.subarray(only.length - this.limit)];
      this.size = this.limit;
    }
  }

  text(): string {
    // Cut at a character boundary: the first bytes may be half a UTF-8 sequence.
    return Buffer.concat(this.chunks).toString("utf8").replace(/^\uFFFD+/, "");
  }
}
