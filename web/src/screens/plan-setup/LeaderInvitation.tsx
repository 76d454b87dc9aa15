import { type FormEvent, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Empty, Loading } from '../../components/Loading';
import { common } from '../../text/common';
import { planSetup } from '../../text/plan-setup';
import { useLoad } from '../../app/use-load';
import { failureText, inviteLeader, planUsers, type PlanUser } from './plan-setup-api';
import { PlanInvitations } from './PlanInvitations';

const text = planSetup.plan;

/** The plan's users as the admin sees them, and the invitation of its first leader (who then invites the staff). */
export function LeaderInvitation({ planId }: { planId: string }) {
  const [round, setRound] = useState(0);
  const [loaded] = useLoad<PlanUser[]>(`${planId}:${round}`, () => planUsers(planId));
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const body = { name: name.trim(), email: email.trim() };
    const problems: SummaryItem[] = [];
    if (!body.name) problems.push({ fieldId: 'leader-name', text: planSetup.required(text.inviteName) });
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email)) problems.push({ fieldId: 'leader-email', text: text.badEmail });
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      await inviteLeader(planId, body, key);
      setDone(text.invited(body.email));
      setName('');
      setEmail('');
      setKey(crypto.randomUUID());
      setRound((r) => r + 1);
    } catch (error) {
      setErrors([{ text: failureText(error) }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' &&
        (loaded.data.length === 0 ? (
          <Empty text={text.leadersEmpty} />
        ) : (
          <div className="table--responsive-scroll">
            <table className="table table--zebra">
              <caption className="sr-only">{text.leadersCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.userName}</th>
                  <th scope="col">{text.userEmail}</th>
                  <th scope="col">{text.userRole}</th>
                  <th scope="col">{text.userStatus}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">{u.name}</th>
                    <td>{u.email}</td>
                    <td>{common.roles[u.role]}</td>
                    <td>{text.statuses[u.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      <PlanInvitations planId={planId} round={round} />
      <div aria-live="polite">{done && <Alert kind="success">{done}</Alert>}</div>
      <form className="setup-edit" onSubmit={submit} noValidate>
        <fieldset>
          <legend className="h3">{text.inviteLegend}</legend>
          <p className="form-hint">{text.inviteHint}</p>
          <ErrorSummary items={errors} />
          <Field id="leader-name" label={text.inviteName} autoComplete="off" value={name} error={errors.find((e) => e.fieldId === 'leader-name')?.text} onChange={(e) => setName(e.target.value)} />
          <Field
            id="leader-email"
            label={text.inviteEmail}
            type="email"
            autoComplete="off"
            value={email}
            error={errors.find((e) => e.fieldId === 'leader-email')?.text}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Button type="submit" busy={busy}>
            {text.invite}
          </Button>
        </fieldset>
      </form>
    </>
  );
}
