import { Readable } from 'node:stream';
import addressparser from 'nodemailer/lib/addressparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

export type TSmtpConfig = {
  host: string;
  port: number;
  secure: boolean;
  user?: string | undefined;
  password?: string | undefined;
  from: string;
};

export type TMail = { to: string; subject: string; text: string };

/** How a send ended: delivered, worth another try later, or refused for good (with the reason). */
export type TSendOutcome =
  | { kind: 'sent' }
  | { kind: 'transient'; reason: string }
  | { kind: 'permanent'; reason: string };

/**
 * The message body, handed to the SMTP connection as a stream that ends only when released.
 * The connection starts reading it after the server accepted MAIL, RCPT and DATA, and writes
 * the final "." only when it ends. Until then the server holds an unfinished message, which it
 * discards if the connection drops (RFC 5321 §4.1.1.4).
 */
class HeldMessage extends Readable {
  readonly started: Promise<void>;
  #start!: () => void;
  #pushed = false;

  constructor(private readonly body: Buffer) {
    super();
    this.started = new Promise((resolve) => {
      this.#start = resolve;
    });
  }

  override _read() {
    if (this.#pushed) return;
    this.#pushed = true;
    this.push(this.body);
    this.#start();
  }

  release() {
    this.push(null);
  }
}

type TSmtpError = Error & { responseCode?: number; response?: string; code?: string };

function outcomeOf(error: unknown): TSendOutcome {
  const e = error as TSmtpError;
  const reason = (e.response ?? e.message ?? String(error)).replace(/\s+/g, ' ').slice(0, 300);
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) return { kind: 'permanent', reason };
  return { kind: 'transient', reason };
}

/**
 * One SMTP connection, reused for mail after mail, reopened after an error.
 *
 * `send` makes the mail and the caller's bookkeeping one step. It runs the SMTP conversation up
 * to the end of the message and stops before the final "."; then, in one turn of the event
 * loop, `commit` writes the statement that marks the recipient sent to the database's socket
 * and the "." goes to the mail server's socket. Whatever kills the process, both writes are in
 * the kernel's hands or neither is: killed before, the server throws the unfinished message
 * away (RFC 5321 §4.1.1.4) and the database still says "not sent", so the recipient is mailed
 * after the restart; killed after, both arrive. Waiting for the database's answer before
 * sending the "." would leave a window (the answer's trip and the process's turn to run, long
 * on a busy machine) in which a kill loses a mail; waiting for the server's answer before
 * committing would leave one in which a kill sends it twice.
 */
export class SmtpSender {
  #connection: SMTPConnection | undefined;
  #connecting: Promise<SMTPConnection> | undefined;

  /** The bare address of MAIL_FROM, for the envelope. */
  readonly #envelopeFrom: string;

  constructor(private readonly config: TSmtpConfig) {
    const [first] = addressparser(config.from, { flatten: true });
    this.#envelopeFrom = first && 'address' in first ? first.address : config.from;
  }

  async #connect(): Promise<SMTPConnection> {
    if (this.#connection) return this.#connection;
    this.#connecting ??= new Promise<SMTPConnection>((resolve, reject) => {
      const connection = new SMTPConnection({
        host: this.config.host,
        port: this.config.port,
        secure: this.config.secure,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
        // Mails hold codes and addresses: never log the conversation.
        logger: false,
        debug: false,
      });
      connection.once('error', reject);
      connection.on('end', () => {
        if (this.#connection === connection) this.#connection = undefined;
      });
      connection.connect(() => {
        const ready = () => {
          connection.removeListener('error', reject);
          connection.on('error', () => {
            if (this.#connection === connection) this.#connection = undefined;
          });
          this.#connection = connection;
          resolve(connection);
        };
        if (!this.config.user) return ready();
        connection.login({ user: this.config.user, pass: this.config.password ?? '' }, (error) => {
          if (error) {
            connection.close();
            return reject(error);
          }
          ready();
        });
      });
    }).finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }

  async #compose(mail: TMail): Promise<Buffer> {
    return new MailComposer({
      from: this.config.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      textEncoding: 'quoted-printable',
    })
      .compile()
      .build();
  }

  async send(mail: TMail, commit: () => Promise<void> = () => Promise.resolve()): Promise<TSendOutcome> {
    const body = await this.#compose(mail);
    let connection: SMTPConnection;
    try {
      connection = await this.#connect();
    } catch (error) {
      return outcomeOf(error);
    }
    const message = new HeldMessage(body);
    const done = new Promise<TSendOutcome>((resolve) => {
      connection.send({ from: this.#envelopeFrom, to: [mail.to] }, message, (error) => {
        if (!error) return resolve({ kind: 'sent' });
        // The connection may be unusable after an error: start afresh next time.
        if (this.#connection === connection) this.#connection = undefined;
        connection.close();
        resolve(outcomeOf(error));
      });
    });
    const started = await Promise.race([message.started.then(() => 'started' as const), done]);
    if (started !== 'started') return started;
    let committed: Promise<void>;
    try {
      committed = commit();
    } catch (error) {
      // Nothing was recorded: drop the unfinished message so it is never delivered.
      if (this.#connection === connection) this.#connection = undefined;
      connection.close();
      throw error;
    }
    message.release();
    const [outcome] = await Promise.all([done, committed]);
    return outcome;
  }

  close() {
    this.#connection?.quit();
    this.#connection = undefined;
  }
}

/** Every number of mails per second: waits so that no more go out than the rate allows. */
export function rateLimiter(perSecond: number) {
  const interval = 1000 / perSecond;
  let next = 0;
  return async () => {
    const now = performance.now();
    const at = Math.max(now, next);
    next = at + interval;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  };
}
