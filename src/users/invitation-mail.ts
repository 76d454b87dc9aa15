import type { Mail } from '../mail/mail.service';

/** The roles as staff call them, in the e-mails they get. */
export const ROLE_NAMES: Record<string, string> = {
  leader: 'boligsocial leder',
  counsellor: 'social- og økonomisk rådgiver',
  social_worker: 'boligsocial medarbejder',
  caseworker: 'myndighedsmedarbejder',
  volunteer: 'frivillig',
};

export const dateTime = (at: Date) =>
  at.toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The invitation e-mail, in Danish like everything staff read. The link carries the token in its fragment, which browsers never send to a server or put in a Referer. */
export function invitationMail(to: { email: string; name: string; role: string }, planName: string, link: string, expiresAt: Date): Mail {
  return {
    to: to.email,
    subject: `Invitation til ${planName}`,
    text: [
      `Kære ${to.name}`,
      '',
      `Du er inviteret som ${ROLE_NAMES[to.role] ?? to.role} i ${planName}.`,
      '',
      'Vælg din adgangskode her (linket kan kun bruges én gang):',
      link,
      '',
      `Linket udløber ${dateTime(expiresAt)}. Kender du ikke til invitationen, kan du se bort fra denne e-mail.`,
    ].join('\n'),
  };
}

/** When the address already has an account: no link, and the leader who invited learns nothing from it. */
export function alreadyHasAccountMail(to: { email: string; name: string }, planName: string): Mail {
  return {
    to: to.email,
    subject: `Invitation til ${planName}`,
    text: [
      `Kære ${to.name}`,
      '',
      `Du er inviteret til ${planName}, men der findes allerede en bruger med denne e-mailadresse.`,
      'En e-mailadresse kan kun høre til én bruger. Kontakt den, der inviterede dig, hvis du skal have adgang med en anden adresse.',
    ].join('\n'),
  };
}
