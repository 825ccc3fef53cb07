import { createTransport } from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail; the one way out for transcripts. Swap it for another transport in `ServerOptions.mailer`. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer: `smtp://user:pass@host:587` (STARTTLS when offered) or
 * `smtps://…:465`. Plain text only, base64 in transit so any language survives
 * every relay; nothing from the conversation goes into a header but the subject.
 */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, textEncoding: 'base64', disableUrlAccess: true, disableFileAccess: true });
    },
    close: () => transport.close(),
  };
}
