import { PassThrough, type Readable, type Writable } from 'node:stream';

/**
 * Runs a writer that writes into a stream and returns the end a reader (such as
 * `reply.send()`) pulls from. A writer that fails destroys the stream with its error, so a
 * download breaks off instead of ending in a file that looks complete but is not.
 */
export function readableFrom(write: (to: Writable) => Promise<void>): Readable {
  const out = new PassThrough();
  write(out).catch((error: unknown) => {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}
