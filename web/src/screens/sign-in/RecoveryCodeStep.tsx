import type { SignInOutcome } from '../../api/session-api';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { signIn } from '../../text/sign-in';
import { signInWithRecoveryCode } from './sign-in-api';
import { useCodeForm } from './use-code-form';

/** A recovery code typed from paper: letters and digits, dashes and spaces as the user likes. */
export const RECOVERY_CODE = /^[0-9A-Za-z\s-]{16,40}$/;

/** The second step with one of the recovery codes (lost phone or key); each works once. */
export function RecoveryCodeStep({ mfaToken, onOutcome }: { mfaToken: string; onOutcome: (outcome: SignInOutcome) => void }) {
  const form = useCodeForm({
    fieldId: 'recovery-code',
    parse: (typed) => (RECOVERY_CODE.test(typed.trim()) ? typed.trim() : null),
    formatError: signIn.recoveryCodeFormat,
    send: (code) => signInWithRecoveryCode(mfaToken, code),
    onSent: onOutcome,
    clearOnRefusal: false,
  });

  return (
    <form onSubmit={form.submit} noValidate>
      <ErrorSummary items={form.errors} />
      <Field
        id="recovery-code"
        label={signIn.recoveryCode}
        hint={signIn.recoveryCodeHint}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
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
