// A dump piped on stdin (`kubectl get ... -o json | kubectl storage report -f -`), read with the limit a file gets:
// past it, the same one-line hint as for a file instead of V8's "Cannot create a string longer than ..." (exit 1),
// and reading stops there rather than buffering the rest. readDumpBytes keeps the input as bytes, so loadDump reads
// a kubectl List on stdin item by item, exactly as from a file: past the 512 MiB a string can hold too.
import { DumpError } from '../errors';
import { MAX_DUMP_BYTES, MAX_READ_BYTES, tooBigMessage } from './dumpLimits';

export interface ReadDumpStreamOptions {
  /** Default the most one string (readDumpStream) or one read of a file (readDumpBytes) can hold; tests pass a small one. */
  maxBytes?: number;
  /** How the input is named in messages, default "-". */
  name?: string;
}

/** The stream's bytes, up to the limit a file gets (MAX_READ_BYTES): give them to loadDump as `stdin`. */
export async function readDumpBytes(stream: AsyncIterable<Uint8Array | string>, o: ReadDumpStreamOptions = {}): Promise<Buffer> {
  const limit = o.maxBytes ?? MAX_READ_BYTES;
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    bytes += buffer.length;
    // Leaving the loop ends the stream (its return() destroys a Readable), so nothing more is read.
    if (bytes > limit) throw new DumpError(tooBigMessage(o.name ?? '-', bytes, limit, true));
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, bytes);
}

/** The stream as one string, up to the most one string can hold (MAX_DUMP_BYTES). */
export async function readDumpStream(stream: AsyncIterable<Uint8Array | string>, o: ReadDumpStreamOptions = {}): Promise<string> {
  return (await readDumpBytes(stream, { ...o, maxBytes: o.maxBytes ?? MAX_DUMP_BYTES })).toString('utf8');
}
