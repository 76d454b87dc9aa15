import { type FormEvent, useState } from 'react';
import { signInWithPassword, type SignInOutcome } from '../../api/session-api';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { signIn } from '../../text/sign-in';
import { summaryOf } from './problem-summary';

/** E-mail and password; answers what the API said next (tokens, a second step, approval pending). */
export function PasswordStep({ onOutcome }: { onOutcome: (outcome: SignInOutcome) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: SummaryItem[] = [];
    if (!email.trim()) missing.push({ fieldId: 'email', text: signIn.required(signIn.email) });
    if (!password) missing.push({ fieldId: 'password', text: signIn.required(signIn.password) });
    setErrors(missing);
    if (missing.length) return;
    setBusy(true);
    try {
      onOutcome(await signInWithPassword(email.trim(), password));
    } catch (error) {
      setErrors(summaryOf(error, 'password'));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.text;
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary items={errors} />
      <p>{signIn.intro}</p>
      <Field id="email" label={signIn.email} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} error={errorOf('email')} />
      <Field id="password" label={signIn.password} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errorOf('password')} />
      <Button type="submit" busy={busy}>
        {signIn.submit}
      </Button>
    </form>
  );
}
