import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { signIn } from '../../text/sign-in';
import { summaryOf } from './problem-summary';
import { confirmTotp, type Enrolled, startTotpEnrolment } from './sign-in-api';
import { authenticatorCode, useCodeForm } from './use-code-form';

/**
 * Enrolling an authenticator app at sign-in: a QR code (a data: URL image, which the CSP allows)
 * and the secret as text for typing in, then the app's first code confirms it.
 */
export function TotpEnrolment({ mfaToken, onEnrolled }: { mfaToken: string; onEnrolled: (enrolled: Enrolled) => void }) {
  const [setup, setSetup] = useState<{ secret: string; qr: string } | null>(null);
  const form = useCodeForm({
    fieldId: 'totp-confirm-code',
    parse: authenticatorCode,
    formatError: signIn.codeFormat,
    send: (code) => confirmTotp(mfaToken, code),
    onSent: onEnrolled,
    clearOnRefusal: true,
  });
  const { setErrors } = form;

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const started = await startTotpEnrolment(mfaToken);
        const qr = await QRCode.toDataURL(started.otpauthUrl, { margin: 2, width: 220, errorCorrectionLevel: 'M' });
        if (!cancelled) setSetup({ secret: started.secret, qr });
      } catch (error) {
        if (!cancelled) setErrors(summaryOf(error));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [mfaToken]);

  if (!setup) return form.errors.length ? <ErrorSummary items={form.errors} /> : <Loading />;
  return (
    <form onSubmit={form.submit} noValidate>
      <ErrorSummary items={form.errors} />
      <h2>{signIn.totpEnrolTitle}</h2>
      <ol className="enrolment-steps">
        <li>{signIn.totpEnrolStep1}</li>
        <li>
          {signIn.totpEnrolStep2}
          <img className="totp-qr" src={setup.qr} alt={signIn.qrAlt} width={220} height={220} />
          <details className="details">
            <summary className="details-summary">{signIn.manualEntry}</summary>
            <div className="details-text">
              <p>{signIn.manualEntryHint}</p>
              <p>
                {signIn.secretLabel}{' '}
                <code className="totp-secret">{setup.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
              </p>
            </div>
          </details>
        </li>
        <li>{signIn.totpEnrolStep3}</li>
      </ol>
      <Field
        id="totp-confirm-code"
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
        {signIn.confirmApp}
      </Button>
    </form>
  );
}
