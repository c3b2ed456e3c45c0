import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type TReceivedMail = { to: string; subject: string; body: string; code: string | null };

/** Undoes quoted-printable (RFC 2045) into UTF-8 text. */
function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const joined = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < joined.length; i++) {
    const char = joined.charAt(i);
    if (char === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(char, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, data: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

function parseMail(to: string, raw: string): TReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
  const rawBody = raw.slice(split + 4);
  const body =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(rawBody)
      : encoding === 'base64'
        ? Buffer.from(rawBody, 'base64').toString('utf8')
        : rawBody;
  const subject = decodeHeader(/^subject:\s*(.*)$/im.exec(head)?.[1] ?? '');
  return { to, subject, body, code: /#kod=([A-Z0-9-]+)/.exec(body)?.[1] ?? null };
}

/**
 * A real SMTP server on loopback for the mailing tests. A message counts as received only when
 * its final "." arrived (as for any SMTP server, a message cut off by a dropped connection is
 * discarded). `refuse` makes it answer an address with a permanent 550, `busy` with a
 * temporary 451.
 */
export async function startSmtpTestServer(
  options: { refuse?: (address: string) => boolean; busy?: (address: string) => boolean } = {},
) {
  const mails: TReceivedMail[] = [];
  let cutOff = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.busy?.(address.address)) {
        return callback(Object.assign(new Error('4.3.2 Try again later'), { responseCode: 451 }));
      }
      if (options.refuse?.(address.address)) {
        const error = Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected`), {
          responseCode: 550,
        });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', () => {
        cutOff++;
      });
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        mails.push(parseMail(to, Buffer.concat(chunks).toString('latin1')));
        callback();
      });
    },
  });
  // A client killed mid-message resets its connection: that is the case under test, not an error.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    /** Messages dropped half-way by a client that went away. */
    cutOff: () => cutOff,
    async waitFor(count: number, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > until) throw new Error(`only ${mails.length} of ${count} mails arrived in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type TSmtpTestServer = Awaited<ReturnType<typeof startSmtpTestServer>>;
