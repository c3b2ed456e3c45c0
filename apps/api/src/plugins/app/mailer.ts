import fp from 'fastify-plugin';
import PgBoss from 'pg-boss';
import { deleteClosedBlindLists, noteTrackedAnswers, sendsToResume } from '../../mailing/housekeeping.js';
import { runSend } from '../../mailing/send-run.js';
import { rateLimiter, SmtpSender, type TMail, type TSendOutcome, type TSmtpConfig } from '../../mailing/smtp-sender.js';

export type TMailerOptions = {
  databaseUrl: string;
  publicOrigin: string;
  smtp: TSmtpConfig | null;
  ratePerSecond: number;
  /** The first pause after a temporary failure; doubled at each try. */
  retryBaseMs: number;
};

export type TMailer = {
  enabled: boolean;
  /** Why sending is off, or how it is configured. */
  message: string;
  ratePerSecond: number;
  /** Hands a send to the queue, to run at `at`. */
  schedule(sendId: string, at: Date): Promise<void>;
  /** One mail now, outside any send (the editor's test mail). */
  sendOne(mail: TMail): Promise<TSendOutcome>;
  /** Runs the housekeeping (every minute) now. */
  housekeeping(): Promise<void>;
};

declare module 'fastify' {
  interface FastifyInstance {
    mailer: TMailer;
  }
}

const QUEUE = 'mail-send';
const HOUSEKEEPING_MS = 60_000;
/** SMTP connections a send uses side by side (the rate limit covers them all). */
const SMTP_CONNECTIONS = 4;

/**
 * Invitations and reminders: sends are pg-boss jobs in PostgreSQL (schema `pgboss`), never in
 * process memory, run by this process's worker at MAIL_RATE_PER_SECOND. Without SMTP_HOST the
 * queue is not started and every send is refused with a message that says why.
 */
export default fp<TMailerOptions>(
  async (app, options) => {
    if (!options.smtp) {
      app.log.info('e-mail sending is off: SMTP_HOST is not set (codes can still be handed out)');
      const off = async () => {
        throw new Error('sending is off');
      };
      app.decorate('mailer', {
        enabled: false,
        message: 'Utskick är avstängda: SMTP_HOST är inte satt (se .env.example). Koder kan delas ut för hand.',
        ratePerSecond: options.ratePerSecond,
        schedule: off,
        sendOne: off,
        housekeeping: async () => {
          await deleteClosedBlindLists(app.db);
        },
      } satisfies TMailer);
      return;
    }
    const smtp = options.smtp;
    const senders = Array.from({ length: SMTP_CONNECTIONS }, () => new SmtpSender(smtp));
    const testSender = new SmtpSender(options.smtp);
    const boss = new PgBoss({
      connectionString: options.databaseUrl,
      max: 3,
      // Jobs hold only a send's id; finished ones are deleted after a week.
      deleteAfterDays: 7,
    });
    boss.on('error', (error) => app.log.warn({ err: { message: error.message } }, 'mail queue error'));
    await boss.start();
    await boss.createQueue(QUEUE, {
      name: QUEUE,
      retryLimit: 20,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: 30 * 60,
    });
    const deps = {
      db: app.db,
      keys: app.keys,
      databaseUrl: options.databaseUrl,
      senders,
      publicOrigin: options.publicOrigin,
      limit: rateLimiter(options.ratePerSecond),
      ratePerSecond: options.ratePerSecond,
      log: app.log,
      maxAttempts: 8,
      baseDelayMs: options.retryBaseMs,
      runBudgetMs: 10 * 60_000,
    };
    const schedule = async (sendId: string, at: Date) => {
      await boss.send(QUEUE, { sendId }, { startAfter: at });
    };
    await boss.work<{ sendId: string }>(QUEUE, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
      if (!job) return;
      await app.verifyKeys();
      const next = await runSend(deps, job.data.sendId);
      if (next) await schedule(job.data.sendId, next);
    });
    const housekeeping = async () => {
      await deleteClosedBlindLists(app.db);
      await noteTrackedAnswers(app.db);
    };
    const timer = setInterval(() => {
      housekeeping().catch((error: unknown) =>
        app.log.warn({ err: { message: (error as Error).message } }, 'mail housekeeping failed; will retry'),
      );
    }, HOUSEKEEPING_MS);
    timer.unref();
    // A restart hands every unfinished send to the queue again; a send's lock and its
    // deliveries' states make a second job for the same send harmless.
    for (const send of await sendsToResume(app.db)) await schedule(send.id, send.scheduledAt);
    app.decorate('mailer', {
      enabled: true,
      message: `Utskick via ${options.smtp.host}:${options.smtp.port}, högst ${options.ratePerSecond} brev per sekund.`,
      ratePerSecond: options.ratePerSecond,
      schedule,
      sendOne: (mail) => testSender.send(mail),
      housekeeping,
    } satisfies TMailer);
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
      for (const sender of senders) sender.close();
      testSender.close();
    });
  },
  { name: 'mailer', dependencies: ['db', 'keys'] },
);
