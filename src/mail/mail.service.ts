import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends e-mail through SMTP (SMTP_URL). Without SMTP_URL, outside production only, each message
 * is written as an .eml file to MAIL_DIR instead, so a developer can open an invitation without a
 * mail server; nothing is ever written to the log, since messages carry one-time links.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter;
  private readonly toFiles: boolean;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.toFiles = !config.smtpUrl;
    this.transport = config.smtpUrl
      ? createTransport(config.smtpUrl, { from: config.mailFrom })
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' }, { from: config.mailFrom });
  }

  async send(mail: Mail): Promise<void> {
    const info = await this.transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
    if (this.toFiles) {
      await mkdir(this.config.mailDir, { recursive: true, mode: 0o700 });
      const file = join(this.config.mailDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^A-Za-z0-9]/g, '').slice(0, 16)}.eml`);
      await writeFile(file, info.message as Buffer, { mode: 0o600 });
      this.logger.log({ file }, 'no SMTP_URL: the e-mail was written to a file');
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
