import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that keeps what it is given. */
export interface Received {
  from: string;
  to: string[];
  raw: string;
}

export async function startSmtp(): Promise<{ url: string; inbox: Received[]; close(): Promise<void> }> {
  const inbox: Received[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, inbox, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

/** The decoded subject and plain-text body of a raw message (nodemailer sends base64, as the server asks). */
export function decodeMail(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const words = (value: string) => value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) => (enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16)))));
  const subject = words(/^subject: (.*)$/im.exec(unfolded)?.[1] ?? '').trim();
  if (!/content-transfer-encoding: base64/i.test(unfolded)) throw new Error('expected a base64 body');
  return { subject, text: Buffer.from(rest.join('\n\n').replace(/\s+/g, ''), 'base64').toString('utf8') };
}

