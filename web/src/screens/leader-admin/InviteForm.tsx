import { type FormEvent, useEffect, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { useSession } from '../../app/session';
import { leaderAdmin } from '../../text/leader-admin';
import { failureText, invite, organisations, PLAN_ROLES, type Invitation, type Organisation, type PlanRole } from './leader-admin-api';
import { roleName } from './StaffPage';
import { SelectField } from '../../components/SelectField';

const text = leaderAdmin.invite;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Invites one person by e-mail; they choose their own password through the e-mailed link. */
export function InviteForm({ onInvited }: { onInvited: (invitation: Invitation) => void }) {
  const { me } = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<PlanRole>('counsellor');
  const [organisationId, setOrganisationId] = useState('');
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A caseworker works for a municipal organisation, a volunteer for a partner (an NGO): both are invited with theirs.
  const needsOrganisation = role === 'caseworker' || role === 'volunteer';

  useEffect(() => {
    organisations().then(setOrgs, () => undefined);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    setFailure(null);
    const found: Record<string, string> = {};
    if (!name.trim()) found['invite-name'] = text.nameMissing;
    if (!EMAIL.test(email.trim())) found['invite-email'] = text.emailInvalid;
    if (needsOrganisation && !organisationId) found['invite-organisation'] = text.organisationMissing;
    setErrors(found);
    if (Object.keys(found).length || !me?.planId) return;
    setBusy(true);
    try {
      const invitation = await invite(me.planId, { name: name.trim(), email: email.trim(), role, ...(needsOrganisation ? { organisationId } : {}) });
      onInvited(invitation);
      setSent(text.sent(invitation.email));
      setName('');
      setEmail('');
    } catch (error) {
      setFailure(failureText(error));
    } finally {
      setBusy(false);
    }
  };

  const summary: SummaryItem[] = Object.entries(errors).map(([fieldId, t]) => ({ fieldId, text: t }));
  return (
    <section className="admin-section" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{text.heading}</h2>
      <p>{text.intro}</p>
      <ErrorSummary items={summary} />
      {failure && <Alert kind="error">{failure}</Alert>}
      <div aria-live="polite">{sent && <Alert kind="success">{sent}</Alert>}</div>
      <form onSubmit={submit} noValidate>
        <Field id="invite-name" label={text.name} value={name} onChange={(e) => setName(e.target.value)} error={errors['invite-name']} autoComplete="off" />
        <Field id="invite-email" label={text.email} type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors['invite-email']} autoComplete="off" />
        <SelectField
          id="invite-role"
          label={text.role}
          hint={text.roleHint}
          value={role}
          onChange={(e) => setRole(e.target.value as PlanRole)}
          options={PLAN_ROLES.map((r) => [r, roleName(r)] as const)}
        />
        {needsOrganisation && (
          <SelectField
            id="invite-organisation"
            label={text.organisation}
            hint={text.organisationHint}
            value={organisationId}
            onChange={(e) => setOrganisationId(e.target.value)}
            empty={text.noOrganisation}
            error={errors['invite-organisation']}
            options={orgs.map((o) => [o.id, o.name] as const)}
          />
        )}
        <Button type="submit" busy={busy}>
          {text.submit}
        </Button>
      </form>
    </section>
  );
}
