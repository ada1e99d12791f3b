// A Response for an answer already read whole. Building a standard Response around a body wraps it
// in a web ReadableStream and reads it back through that stream, which was a tenth of a local call's
// CPU; this one keeps the bytes and serves every body method from them. It is a real Response
// (status and instanceof checks are the platform's), so the SDKs treat it as one. Its headers are
// the ones given, not a copy (see receivedHeaders.ts).
/** The platform Response seen only through what it keeps (status); the headers and body are ours. */
const PlatformResponse = Response as unknown as new (body: null, init: ResponseInit) => Pick<Response, 'status' | 'statusText' | 'ok' | 'type' | 'redirected'>;

export class BufferedResponse extends PlatformResponse {
  readonly #bytes: Buffer | null;
  readonly #url: string;
  readonly #headers: Headers;
  #used = false;

  /** Typed as the standard Response it is at run time. */
  static of(bytes: Buffer | null, status: number, headers: Headers, url: string): Response {
    return new BufferedResponse(bytes, status, headers, url) as unknown as Response;
  }

  constructor(bytes: Buffer | null, status: number, headers: Headers, url: string) {
    super(null, { status });
    this.#bytes = bytes;
    this.#url = url;
    this.#headers = headers;
  }

  get headers(): Headers {
    return this.#headers;
  }

  get url(): string {
    return this.#url;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  /** A fresh stream over the bytes on each read, as the SDKs only read it once (streams, logs). */
  get body(): ReadableStream<Uint8Array> | null {
    const bytes = this.#bytes;
    if (bytes === null) return null;
    return new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    });
  }

  async text(): Promise<string> {
    return this.#take().toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.#take();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }

  async blob(): Promise<Blob> {
    return new Blob([await this.arrayBuffer()], { type: this.headers.get('content-type') ?? '' });
  }

  clone(): BufferedResponse {
    if (this.#used) throw new TypeError('Response.clone: the body has already been read');
    return new BufferedResponse(this.#bytes, this.status, this.#headers, this.#url);
  }

  /** Like a standard body, it can be read once. */
  #take(): Buffer {
    if (this.#used) throw new TypeError('Body is unusable: the body has already been read');
    this.#used = true;
    return this.#bytes ?? Buffer.alloc(0);
  }
}
