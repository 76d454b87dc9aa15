import type { AccountNoticeJob } from '../../jobs/queues';
import type { Mail } from '../../mail/mail.service';

const dateTime = (at: Date) =>
  at.toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * What a user is told about their own account, in Danish like everything staff read. No link in
 * them: a notice that could be forged must not invite a click; it tells whom to ask.
 */
export function accountNoticeMail(to: { email: string; name: string }, notice: AccountNoticeJob['notice'], at: Date, lockAfter: number): Mail {
  const body = notice === 'mfa_locked' ? lockedText(at, lockAfter) : resetText(at);
  return { to: to.email, subject: notice === 'mfa_locked' ? 'Din anden faktor er spærret' : 'Din anden faktor er nulstillet', text: [`Kære ${to.name}`, '', ...body].join('\n') };
}

function lockedText(at: Date, lockAfter: number): string[] {
  return [
    `${dateTime(at)} blev din adgangskode til Helhedsplan brugt korrekt, men koden fra din anden faktor`,
    `(godkenderapp, passkey eller gendannelseskode) var forkert ${lockAfter} gange i træk. Din anden faktor er`,
    'derfor spærret, og du kan ikke logge ind, før den er nulstillet.',
    '',
    'Bed din leder om at nulstille din anden faktor.',
    '',
    'Var det ikke dig, der prøvede at logge ind, kender en anden din adgangskode. Sig det til din leder,',
    'og skift din adgangskode, så snart du er logget ind igen.',
  ];
}

function resetText(at: Date): string[] {
  return [
    `${dateTime(at)} blev din anden faktor til Helhedsplan (godkenderapp, passkeys og gendannelseskoder)`,
    'nulstillet af din leder eller administratoren, og du er logget ud alle steder.',
    '',
    'Næste gang du logger ind, skal du oprette en ny anden faktor.',
    '',
    'Har du ikke bedt om det, så kontakt din leder med det samme.',
  ];
}
