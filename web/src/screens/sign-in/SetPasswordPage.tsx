import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiProblem } from '../../api/problem';
import type { SignInOutcome } from '../../api/session-api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { signIn } from '../../text/sign-in';
import { summaryOf } from './problem-summary';
import { setPassword } from './sign-in-api';
import { SignInFlow } from './SignInFlow';
import { SignInLayout } from './SignInLayout';

const MIN_LENGTH = 12;
const MAX_LENGTH = 200;

type PasswordLink = { kind: 'invitation' | 'reset'; token: string };

/** The link's token from the fragment (#token= for an invitation, #reset= after a reset), which never reaches a server log. */
function linkOf(hash: string): PasswordLink | null {
  const fragment = new URLSearchParams(hash.slice(1));
  const invitation = fragment.get('token');
  if (invitation) return { kind: 'invitation', token: invitation };
  const reset = fragment.get('reset');
  return reset ? { kind: 'reset', token: reset } : null;
}

/** The API's refusal of a password, in Danish: by the rule it names (too short, your own name, guessable), else by its code. */
function passwordRefusal(error: unknown): SummaryItem[] {
  if (error instanceof ApiProblem) {
    const rules = error.fieldErrors.filter((e) => e.field === 'password').map((e) => e.rule);
    const sentences: Record<string, string> = signIn.passwordRules;
    const known = [...new Set(rules.map((rule) => (rule ? sentences[rule] : undefined)).filter((text): text is string => !!text))];
    if (known.length) return known.map((text) => ({ fieldId: 'new-password', text }));
    if (error.code === 'weak_password' || error.code === 'password_not_allowed' || error.code === 'validation_failed') return summaryOf(error, 'new-password');
  }
  return summaryOf(error);
}

/**
 * /set-password#token=... (an invitation) and #reset=... (after a reset of the second factor): the
 * person chooses a password, and the sign-in goes straight on (the API's answer is, as a rule, the
 * enrolment of a second factor), with no separate sign-in.
 */
export function SetPasswordPage() {
  const [link] = useState<PasswordLink | null>(() => linkOf(window.location.hash));
  const [password, setPasswordValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SignInOutcome | null>(null);
  const cleared = useRef(false);

  useEffect(() => {
    // The token is a key: out of the address bar and the history at once.
    if (cleared.current || !window.location.hash) return;
    cleared.current = true;
    window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);

  if (outcome) return <SignInFlow initial={outcome} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!link) return;
    const found: SummaryItem[] = [];
    if (password.length < MIN_LENGTH) found.push({ fieldId: 'new-password', text: signIn.passwordRules.password_length });
    else if (password.length > MAX_LENGTH) found.push({ fieldId: 'new-password', text: signIn.passwordTooLong });
    if (password !== repeat) found.push({ fieldId: 'repeat-password', text: signIn.passwordsDiffer });
    setErrors(found);
    if (found.length) return;
    setBusy(true);
    try {
      setOutcome(await setPassword(link, password));
    } catch (error) {
      setErrors(passwordRefusal(error));
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (id: string) => errors.filter((e) => e.fieldId === id).map((e) => e.text).join(' ') || undefined;
  return (
    <SignInLayout>
      <PageHeading>{signIn.setPasswordTitle}</PageHeading>
      {!link ? (
        <>
          <Alert kind="error">{signIn.linkMissing}</Alert>
          <p>
            <Link to="/log-ind">{signIn.backToSignIn}</Link>
          </p>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <ErrorSummary items={errors} />
          <p>{link.kind === 'invitation' ? signIn.setPasswordIntroInvitation : signIn.setPasswordIntroReset}</p>
          <Field
            id="new-password"
            label={signIn.newPassword}
            hint={signIn.passwordHint}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPasswordValue(e.target.value)}
            error={errorOf('new-password')}
          />
          <Field id="repeat-password" label={signIn.repeatPassword} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} error={errorOf('repeat-password')} />
          <Button type="submit" busy={busy}>
            {signIn.savePassword}
          </Button>
        </form>
      )}
    </SignInLayout>
  );
}
