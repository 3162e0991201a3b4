/**
 * SMTP for `ekoraportti distribute`: the `--smtp` URL, the nodemailer transport built from it
 * and the environment, and delivery of one message with retries.
 */
import type { ConnectionOptions } from 'node:tls';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

export interface SmtpServer {
  host: string;
  port: number;
  /** `smtps://`: TLS from the first byte. `smtp://`: plain, upgraded by STARTTLS when offered. */
  secure: boolean;
}

export type SmtpUrlResult = { ok: true; value: SmtpServer } | { ok: false; error: string };

/** Parse `smtp://HOST[:PORT]` or `smtps://HOST[:PORT]`; credentials in the URL are refused. */
export function parseSmtpUrl(text: string): SmtpUrlResult {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: `--smtp ${text}: not a URL (expected smtp://HOST:PORT or smtps://HOST:PORT)` };
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    return { ok: false, error: `--smtp ${text}: use smtp://HOST:PORT (STARTTLS when offered) or smtps://HOST:PORT` };
  }
  if (url.username !== '' || url.password !== '') {
    // Arguments end up in shell history and `ps` output; the URL's credentials are never read.
    return {
      ok: false,
      error:
        '--smtp must not contain a user name or password: set SMTP_USER and SMTP_PASS in the environment instead',
    };
  }
  if (url.hostname === '') return { ok: false, error: `--smtp ${text}: missing host` };
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') {
    // nodemailer would read transport options from a query string; we do not, so say so.
    return { ok: false, error: `--smtp ${text}: only smtp://HOST:PORT is accepted, without path or options` };
  }
  const secure = url.protocol === 'smtps:';
  const port = url.port === '' ? (secure ? 465 : 25) : Number(url.port);
  // URL keeps the brackets of an IPv6 literal; sockets want it bare.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { ok: true, value: { host, port, secure } };
}

export interface SmtpCredentials {
  user: string;
  pass: string;
}

/** SMTP_USER / SMTP_PASS from the environment; no auth when SMTP_USER is unset or empty. */
export function credentialsFromEnv(env: Record<string, string | undefined>): SmtpCredentials | null {
  const user = env['SMTP_USER'];
  if (user === undefined || user === '') return null;
  return { user, pass: env['SMTP_PASS'] ?? '' };
}

/**
 * nodemailer options. `secure: false` makes nodemailer upgrade with STARTTLS whenever the
 * server offers it; with credentials, TLS is required so a password never crosses the
 * network in clear. `tls` is for tests only (to trust a self-signed certificate): the CLI
 * never sets it.
 */
export function transportOptions(
  server: SmtpServer,
  credentials: SmtpCredentials | null,
  tls?: ConnectionOptions,
): SMTPTransport.Options {
  return {
    host: server.host,
    port: server.port,
    secure: server.secure,
    requireTLS: credentials !== null && !server.secure,
    ...(credentials !== null ? { auth: { user: credentials.user, pass: credentials.pass } } : {}),
    ...(tls !== undefined ? { tls } : {}),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  };
}

export interface Delivery {
  ok: boolean;
  messageId: string;
  attempts: number;
  /** One line: why the last attempt failed. */
  reason: string;
}

/** Between attempts: 0.5 s, 1 s, 2 s → up to four attempts. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [500, 1000, 2000];

interface SmtpErrorLike {
  hint?: unknown;
  message?: unknown;
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
}

/**
 * A 5xx reply is permanent (unknown mailbox, refused sender, failed auth): resending the same
 * message cannot change it. Everything else — 4xx, a dropped or refused connection, a timeout
 * — is worth another try.
 */
export function isPermanent(error: unknown): boolean {
  const code = (error as SmtpErrorLike | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export function describeError(error: unknown): string {
  const e = (error as SmtpErrorLike | null) ?? {};
  const text = typeof e.response === 'string' && e.response !== '' ? e.response : String(e.message ?? error);
  const hint = typeof e.hint === 'string' ? ` (${e.hint})` : '';
  return `${text}${hint}`.replace(/\s+/g, ' ').trim();
}

export type SendOne = (message: Mail.Options) => Promise<{ messageId: string }>;

/** A sender over one nodemailer transport (a fresh connection per message; nothing pooled). */
export function smtpSender(options: SMTPTransport.Options): { send: SendOne; close: () => void } {
  const transport = nodemailer.createTransport(options);
  return {
    send: async (message) => {
      try {
        const info = await transport.sendMail(message);
        return { messageId: info.messageId };
      } catch (error) {
        if (options.requireTLS === true && (error as SmtpErrorLike | null)?.code === 'ETLS') {
          (error as SmtpErrorLike).hint =
            'STARTTLS failed; it is required while SMTP_USER is set, so the password never crosses the network in clear';
        }
        throw error;
      }
    },
    close: () => transport.close(),
  };
}

/**
 * Send one message, retrying transient failures after each of `delaysMs`.
 * `onRetry` hears about each failed attempt that will be retried.
 */
export async function deliverWithRetry(
  send: SendOne,
  message: Mail.Options,
  delaysMs: readonly number[],
  sleep: (ms: number) => Promise<void>,
  onRetry: (attempt: number, reason: string, delayMs: number) => void,
): Promise<Delivery> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const info = await send(message);
      return { ok: true, messageId: info.messageId, attempts: attempt, reason: '' };
    } catch (error) {
      const reason = describeError(error);
      const delay = delaysMs[attempt - 1];
      if (isPermanent(error) || delay === undefined) {
        return { ok: false, messageId: '', attempts: attempt, reason };
      }
      onRetry(attempt, reason, delay);
      await sleep(delay);
    }
  }
}
