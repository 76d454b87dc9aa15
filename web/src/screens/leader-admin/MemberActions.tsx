import { type FormEvent, useState } from 'react';
import { Button } from '../../components/Button';
import { leaderAdmin } from '../../text/leader-admin';
import { PLAN_ROLES, resetSecondFactor, updateMember, type PlanRole, type StaffMember } from './leader-admin-api';
import { SelectField } from '../../components/SelectField';
import { roleInSentence, roleName } from './StaffPage';

const text = leaderAdmin.member;

interface Props {
  member: StaffMember;
  onDone: (next: StaffMember, said: string) => void;
  onFailed: (error: unknown) => void;
}

/** What a leader does to another member of staff: a new role, (de)activation, a reset of the second factor. */
export function MemberActions({ member, onDone, onFailed }: Props) {
  const current = member.role as PlanRole;
  const [role, setRole] = useState<PlanRole>(PLAN_ROLES.find((r) => r !== current) ?? current);
  const [roleError, setRoleError] = useState<string | undefined>();
  const [busy, setBusy] = useState<'role' | 'active' | 'mfa' | null>(null);
  const [confirmingReset, setConfirmingReset] = useState(false);

  const run = async (which: 'role' | 'active' | 'mfa', action: () => Promise<void>) => {
    setBusy(which);
    try {
      await action();
    } catch (error) {
      onFailed(error);
    } finally {
      setBusy(null);
    }
  };

  const changeRole = (event: FormEvent) => {
    event.preventDefault();
    if (role === current) {
      setRoleError(text.sameRole);
      return;
    }
    setRoleError(undefined);
    void run('role', async () => {
      const next = await updateMember(member.id, { role });
      onDone(next, next.role === role ? text.roleChanged : text.roleAwaits(roleInSentence(role)));
    });
  };

  const setActive = (active: boolean) =>
    run('active', async () => {
      const next = await updateMember(member.id, { active });
      onDone(next, !active ? text.deactivated : next.active ? text.reactivated : text.reactivateAwaits);
    });

  const reset = () =>
    run('mfa', async () => {
      await resetSecondFactor(member.id);
      setConfirmingReset(false);
      onDone(member, text.mfaDone(member.email));
    });

  return (
    <>
      <section className="admin-section" aria-labelledby="role-heading">
        <h2 id="role-heading">{text.roleHeading}</h2>
        <p>{text.roleHint}</p>
        <form onSubmit={changeRole} noValidate>
          <SelectField id="member-role" label={text.newRole} value={role} error={roleError} onChange={(e) => setRole(e.target.value as PlanRole)} options={PLAN_ROLES.map((r) => [r, roleName(r)] as const)} />
          <Button type="submit" busy={busy === 'role'}>
            {text.changeRole}
          </Button>
        </form>
      </section>
      {member.status !== 'awaiting_approval' && (
        <section className="admin-section" aria-labelledby="access-heading">
          <h2 id="access-heading">{text.accessHeading}</h2>
          {member.status === 'active' ? (
            <>
              <p>{text.deactivateHint}</p>
              <Button variant="secondary" busy={busy === 'active'} onClick={() => setActive(false)}>
                {text.deactivate}
              </Button>
            </>
          ) : (
            member.status === 'deactivated' && (
              <Button variant="secondary" busy={busy === 'active'} onClick={() => setActive(true)}>
                {text.reactivate}
              </Button>
            )
          )}
        </section>
      )}
      <section className="admin-section" aria-labelledby="mfa-heading">
        <h2 id="mfa-heading">{text.mfaHeading}</h2>
        <p>{text.mfaExplain}</p>
        {!confirmingReset ? (
          <Button variant="secondary" onClick={() => setConfirmingReset(true)}>
            {text.mfaReset}
          </Button>
        ) : (
          <div className="alert alert-warning" role="group" aria-labelledby="mfa-confirm-text">
            <div className="alert-body">
              <p className="alert-text" id="mfa-confirm-text">
                {text.mfaConfirmText(member.name)}
              </p>
              <div className="row-actions">
                <Button busy={busy === 'mfa'} onClick={reset}>
                  {text.mfaConfirm}
                </Button>
                <Button variant="secondary" onClick={() => setConfirmingReset(false)}>
                  {text.cancel}
                </Button>
              </div>
            </div>
          </div>
        )}
      </section>
    </>
  );
}
