import type { Mail } from '../mail/mail.service';
import { dateTime } from './invitation-mail';

/**
 * The e-mail after a reset of the second factor, when the account signs in with a password here:
 * the old password is gone, and the link (the token in its fragment, which browsers never send to
 * a server) lets the person choose a new one and enrol a new factor. Unlike the other account
 * notices it carries a link, as an invitation does: it is the only way back in, and the person
 * expects it, having asked their leader for the reset.
 */
export function passwordResetMail(to: { email: string; name: string }, resetAt: Date, link: string, expiresAt: Date): Mail {
  return {
    to: to.email,
    subject: 'Din anden faktor er nulstillet',
    text: [
      `Kære ${to.name}`,
      '',
      `${dateTime(resetAt)} blev din anden faktor til Helhedsplan (godkenderapp, passkeys og gendannelseskoder)`,
      'nulstillet af din leder eller administratoren, og du er logget ud alle steder.',
      '',
      'Din adgangskode er slettet samtidig, så ingen andre kan bruge den til at oprette en ny anden faktor i dit navn.',
      'Vælg en ny adgangskode her (linket kan kun bruges én gang); derefter opretter du din nye anden faktor:',
      link,
      '',
      `Linket udløber ${dateTime(expiresAt)}. Er det udløbet, så bed din leder om at nulstille din anden faktor igen.`,
      '',
      'Har du ikke bedt om det, så kontakt din leder med det samme.',
    ].join('\n'),
  };
}
