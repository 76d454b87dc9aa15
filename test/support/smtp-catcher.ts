import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './wait-for';

/** A real SMTP server on a loopback port that keeps what it receives, so tests read the mail the service sends. */
export class SmtpCatcher {
  private constructor(
    private readonly server: SMTPServer,
    readonly mails: ParsedMail[],
  ) {}

  static async start(): Promise<SmtpCatcher> {
    // Plain SMTP without login, as on a local relay; STARTTLS off, since the test has no certificate to trust.
    const received: ParsedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => received.push(mail))
          .then(() => callback(), callback);
      },
    });
    const catcher = new SmtpCatcher(server, received);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return catcher;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  /** The newest mail to `address`, waiting for it to arrive. */
  mailTo(address: string, after = 0): Promise<ParsedMail> {
    return waitFor(`a mail to ${address}`, async () => this.mails.slice(after).filter((m) => toAddresses(m).includes(address.toLowerCase())).at(-1));
  }

  /** The first mail to `address` whose subject matches (of those after the `after`th mail), once it has come. */
  mailWithSubject(address: string, subject: RegExp, after = 0): Promise<ParsedMail> {
    return waitFor(`a mail to ${address} about ${subject}`, async () =>
      this.mails.slice(after).find((m) => toAddresses(m).includes(address.toLowerCase()) && subject.test(m.subject ?? '')),
    );
  }

  count(address: string): number {
    return this.mails.filter((m) => toAddresses(m).includes(address.toLowerCase())).length;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function toAddresses(mail: ParsedMail): string[] {
  const to: AddressObject[] = ([] as AddressObject[]).concat(mail.to ?? []);
  return to.flatMap((t) => t.value.map((v) => (v.address ?? '').toLowerCase()));
}

/** The token of the set-password link in an invitation mail. */
export function invitationToken(mail: ParsedMail): string {
  const match = /\/set-password#token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '');
  if (!match) throw new Error(`no invitation link in: ${mail.text}`);
  return match[1];
}

/** The token of the link to choose a new password, in the e-mail after a reset of the second factor. */
export function passwordResetToken(mail: ParsedMail): string {
  const match = /\/set-password#reset=([A-Za-z0-9_-]+)/.exec(mail.text ?? '');
  if (!match) throw new Error(`no password reset link in: ${mail.text}`);
  return match[1];
}
