import { signInWithTotp, type SignInOutcome } from '../../api/session-api';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { signIn } from '../../text/sign-in';
import { authenticatorCode, useCodeForm } from './use-code-form';

/** The second step with the authenticator app's code. */
export function TotpStep({ mfaToken, onOutcome }: { mfaToken: string; onOutcome: (outcome: SignInOutcome) => void }) {
  const form = useCodeForm({
    fieldId: 'totp-code',
    parse: authenticatorCode,
    formatError: signIn.codeFormat,
    send: (code) => signInWithTotp(mfaToken, code),
    onSent: onOutcome,
    clearOnRefusal: true,
  });

  return (
    <form onSubmit={form.submit} noValidate>
      <ErrorSummary items={form.errors} />
      <Field
        id="totp-code"
        label={signIn.totpCode}
        hint={signIn.totpHint}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        value={form.code}
        onChange={(e) => form.setCode(e.target.value)}
        error={form.fieldError}
      />
      <Button type="submit" busy={form.busy}>
        {signIn.continue}
      </Button>
    </form>
  );
}
