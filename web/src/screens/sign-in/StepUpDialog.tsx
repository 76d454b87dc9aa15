import { type FormEvent, type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiProblem } from '../../api/problem';
import { onStepUpRequired } from '../../api/step-up';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { signIn } from '../../text/sign-in';
import { passkeyProblemText } from './passkey-problem';
import { summaryOf } from './problem-summary';
import { RECOVERY_CODE } from './RecoveryCodeStep';
import { stepUpWithCode, stepUpWithPasskey } from './sign-in-api';
import './sign-in.css';

/**
 * Mounted once, beside the routes: whenever an answer is `step_up_required`, it opens the step-up
 * dialog, and tells the client whether to send the request again.
 */
export function StepUpDialogHost() {
  const [open, setOpen] = useState<((steppedUp: boolean) => void) | null>(null);

  useEffect(() => onStepUpRequired(() => new Promise<boolean>((resolve) => setOpen(() => resolve))), []);

  const done = useCallback(
    (steppedUp: boolean) => {
      open?.(steppedUp);
      setOpen(null);
    },
    [open],
  );
  return open ? <StepUpDialog onDone={done} /> : null;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * "Bekræft, at det er dig": a modal dialog (the native <dialog>, shown modally, so the page behind
 * is inert) that asks only for the second factor: a code from the authenticator app or a recovery
 * code, or a passkey; never the password. Focus moves in, stays in (Tab wraps), Escape cancels, and
 * focus goes back where it was.
 */
function StepUpDialog({ onDone }: { onDone: (steppedUp: boolean) => void }) {
  const session = useSession();
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [passkeyProblem, setPasskeyProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The API's 409 step_up_without_factor says the same as an empty list: sign in again instead.
  const [noFactor, setNoFactor] = useState(false);
  const factors: string[] = noFactor ? [] : (session.me?.secondFactors ?? []);
  const hasCode = factors.includes('totp') || factors.includes('recovery_code');
  const hasPasskey = factors.includes('passkey');
  const refused = (error: unknown) => {
    if (error instanceof ApiProblem && error.code === 'step_up_without_factor') setNoFactor(true);
  };

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    element?.querySelector<HTMLElement>('input, button')?.focus();
    return () => opener?.focus();
  }, []);

  const trapTab = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (!focusable.length) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    const typed = code.trim();
    const digits = typed.replace(/\s/g, '');
    const valid = /^\d{6}$/.test(digits) || RECOVERY_CODE.test(typed);
    if (!valid) {
      setErrors([{ fieldId: 'step-up-code', text: signIn.stepUpCodeFormat }]);
      return;
    }
    setBusy(true);
    try {
      await stepUpWithCode(/^\d{6}$/.test(digits) ? digits : typed);
      onDone(true);
    } catch (error) {
      refused(error);
      setErrors(summaryOf(error, 'step-up-code'));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  const provePasskey = async () => {
    setBusy(true);
    setPasskeyProblem(null);
    try {
      await stepUpWithPasskey();
      onDone(true);
    } catch (error) {
      refused(error);
      setPasskeyProblem(passkeyProblemText(error));
    } finally {
      setBusy(false);
    }
  };

  const signInAgain = async () => {
    onDone(false);
    await session.signOut();
    navigate('/log-ind', { state: { from: window.location.pathname } });
  };

  return (
    <dialog
      ref={dialog}
      className="step-up-dialog"
      aria-labelledby="step-up-heading"
      aria-describedby="step-up-intro"
      aria-modal="true"
      onKeyDown={trapTab}
      onCancel={(event) => {
        event.preventDefault();
        onDone(false);
      }}
    >
      <h2 id="step-up-heading">{signIn.stepUpTitle}</h2>
      <p id="step-up-intro">{hasCode || hasPasskey ? signIn.stepUpIntro : signIn.stepUpNoFactor}</p>
      {hasCode && (
        <form onSubmit={submitCode} noValidate>
          <ErrorSummary items={errors} />
          <Field
            id="step-up-code"
            label={signIn.stepUpCode}
            hint={signIn.stepUpCodeHint}
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={errors.find((e) => e.fieldId === 'step-up-code')?.text}
          />
          <Button type="submit" busy={busy}>
            {signIn.stepUpConfirm}
          </Button>
        </form>
      )}
      {hasPasskey && (
        <div className="step-up-passkey">
          {passkeyProblem && <Alert kind="error">{passkeyProblem}</Alert>}
          <Button variant={hasCode ? 'secondary' : 'primary'} busy={busy} onClick={() => void provePasskey()}>
            {signIn.stepUpPasskey}
          </Button>
        </div>
      )}
      {!hasCode && !hasPasskey && (
        <Button onClick={() => void signInAgain()}>{signIn.signInAgain}</Button>
      )}
      <p className="step-up-cancel">
        <Button variant="tertiary" onClick={() => onDone(false)}>
          {signIn.cancel}
        </Button>
      </p>
    </dialog>
  );
}
