import { type FormEvent, useEffect, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/SelectField';
import { volunteers } from '../../text/volunteers';
import { coordinator, coordinatorCandidates, failureText, nameCoordinator, type StaffMember } from './volunteers-api';

const text = volunteers.summary;

/** The leader names the volunteers' coordinator: one of the plan's counsellors or social workers, or none. */
export function CoordinatorSection() {
  const [candidates, setCandidates] = useState<StaffMember[]>([]);
  const [userId, setUserId] = useState('');
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all([coordinatorCandidates(), coordinator()]).then(
      ([people, current]) => {
        setCandidates(people);
        setUserId(current.userId ?? '');
      },
      (error: unknown) => setMessage({ kind: 'error', text: failureText(error) }),
    );
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    setBusy(true);
    try {
      const saved = await nameCoordinator(userId || null);
      setMessage({ kind: 'success', text: text.coordinatorSaved(saved.name) });
    } catch (error) {
      setMessage({ kind: 'error', text: failureText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="admin-section" aria-labelledby="coordinator-heading">
      <h2 id="coordinator-heading">{text.coordinatorHeading}</h2>
      <p>{text.coordinatorIntro}</p>
      <div aria-live="polite">{message && <Alert kind={message.kind}>{message.text}</Alert>}</div>
      <form onSubmit={submit} noValidate>
        <SelectField id="coordinator" label={text.coordinator} value={userId} onChange={(e) => setUserId(e.target.value)} empty={text.noCoordinator} options={candidates.map((u) => [u.id, u.name] as const)} />
        <Button type="submit" variant="secondary" busy={busy}>
          {text.saveCoordinator}
        </Button>
      </form>
    </section>
  );
}
