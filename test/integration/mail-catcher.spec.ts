import { createTransport } from 'nodemailer';
import { caughtMails } from '../support/caught-mail';

// L3-11 groundwork: mail sent over real SMTP arrives at the local catcher and can be read back.

describe('SMTP catcher', () => {
  it('receives a message sent over SMTP and lists it with its Message-ID', async () => {
    const transport = createTransport(process.env.SMTP_URL);
    const messageId = `<it-${Date.now()}@sla.test>`;
    await transport.sendMail({
      from: 'Soporte L3 <soporte@sla.test>',
      to: 'cliente@example.com',
      subject: 'Ticket L3-2026-000001 registrado',
      text: 'Su ticket fue registrado. Responda en la plataforma.',
      messageId,
    });
    transport.close();
    const mails = await caughtMails('cliente@example.com');
    const mail = mails.find((m) => m.messageId === messageId);
    expect(mail).toMatchObject({
      subject: 'Ticket L3-2026-000001 registrado',
      to: ['cliente@example.com'],
    });
    expect(mail!.text).toContain('Responda en la plataforma');
  });
});
