import type { Mail } from '../mail/mail.service';
import { ROLE_NAMES } from './invitation-mail';
import type { RoleRequest } from './role-requests.repository';

/** What the e-mails about a grant say about it, named in words staff use. */
export interface GrantFacts {
  request: RoleRequest;
  planName: string;
  user: { id: string; name: string; email: string };
  /** Who asked; undefined: the single sign-on provider. */
  requestedBy?: string;
  decidedBy?: string;
}

const role = (r: string | null) => (r ? (ROLE_NAMES[r] ?? r) : '');

/** What is asked, in one sentence: a new account, a reactivation or a role change. */
function asked(f: GrantFacts): string {
  const { request } = f;
  if (request.fromRole === null) return `en ny bruger, ${f.user.name} (${f.user.email}), som ${role(request.role)}`;
  if (request.activates) return `at ${f.user.name} (${f.user.email}) igen får adgang som ${role(request.role)}`;
  return `at ${f.user.name} (${f.user.email}) skifter fra ${role(request.fromRole)} til ${role(request.role)}`;
}

const byWhom = (f: GrantFacts) => (f.requestedBy ? `${f.requestedBy} har bedt om` : 'Single sign-on (jeres identitetsudbyder) har bedt om');

/** To the plan's leaders (and its named approver): someone other than the one who asked must decide. */
export function approvalRequestedMail(to: { email: string; name: string }, f: GrantFacts): Mail {
  return {
    to: to.email,
    subject: `Godkendelse ønskes: adgang til ${f.planName}`,
    text: [
      `Kære ${to.name}`,
      '',
      `${byWhom(f)} ${asked(f)} i ${f.planName}.`,
      '',
      'Rollen giver adgang til borgernes sager og noter og træder først i kraft, når en anden leder af planen, planens udpegede godkender',
      'eller platformens administrator har godkendt den. Den, der bad om det, kan ikke selv godkende.',
      '',
      `Kender du personen og er adgangen rigtig, så godkend den under Brugere (bruger-id ${f.user.id}); ellers afvis den.`,
    ].join('\n'),
  };
}

/** To the person it is about: they learn of any grant asked for them, so a change behind their back is seen. */
export function approvalRequestedToUserMail(f: GrantFacts): Mail {
  return {
    to: f.user.email,
    subject: `Din adgang til ${f.planName} afventer godkendelse`,
    text: [
      `Kære ${f.user.name}`,
      '',
      `Der er bedt om ${asked(f)} i ${f.planName}.`,
      'Det træder i kraft, når en anden leder af planen eller administratoren har godkendt det. Du får en e-mail, når det sker.',
      '',
      'Kender du ikke til det, så kontakt din leder.',
    ].join('\n'),
  };
}

const OUTCOMES: Record<string, string> = {
  approved: 'er godkendt',
  rejected: 'er afvist',
  withdrawn: 'er trukket tilbage',
  superseded: 'er erstattet af en anden ændring',
};

/** To the person and the plan's leaders: the grant was decided. */
export function approvalDecidedMail(to: { email: string; name: string }, f: GrantFacts): Mail {
  const outcome = OUTCOMES[f.request.outcome ?? ''] ?? 'er afgjort';
  const mine = to.email === f.user.email;
  const after = f.request.outcome === 'approved' ? (mine ? 'Log ind igen for at bruge den nye adgang.' : '') : 'Intet er ændret.';
  return {
    to: to.email,
    subject: `Adgang til ${f.planName} ${outcome}`,
    text: [`Kære ${to.name}`, '', `Anmodningen om ${asked(f)} i ${f.planName} ${outcome}${f.decidedBy ? ` af ${f.decidedBy}` : ''}.`, after].join('\n'),
  };
}

/** To the plan's leaders: accounts the nightly job closed because nobody had used them. */
export function unusedAccountsMail(to: { email: string; name: string }, planName: string, days: number, users: { name: string; email: string; role: string }[]): Mail {
  return {
    to: to.email,
    subject: `Ubrugte brugere i ${planName} er deaktiveret`,
    text: [
      `Kære ${to.name}`,
      '',
      `Disse brugere i ${planName} har ikke logget ind i ${days} dage og er nu deaktiveret:`,
      ...users.map((u) => `- ${u.name} (${u.email}), ${role(u.role)}`),
      '',
      'Skal en af dem bruge systemet igen, kan en leder genaktivere brugeren; for roller med adgang til borgernes noter skal en anden leder eller administratoren godkende det.',
    ].join('\n'),
  };
}
