import QRCode from 'qrcode';
import { type FormEvent, useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { signIn } from '../../text/sign-in';
import { summaryOf } from './problem-summary';
import { confirmTotp, type Enrolled, startTotpEnrolment } from './sign-in-api';

/**
 * Enrolling an authenticator app at sign-in: a QR code (a data: URL image, which the CSP allows)
 * and the secret as text for typing in, then the app's first code confirms it.
 */
export function TotpEnrolment({ mfaToken, onEnrolled }: { mfaToken: string; onEnrolled: (enrolled: Enrolled) => void }) {
  const [setup, setSetup] = useState<{ secret: string; qr: string } | null>(null);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);

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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setErrors([{ fieldId: 'totp-confirm-code', text: signIn.codeFormat }]);
      return;
    }
    setBusy(true);
    try {
      onEnrolled(await confirmTotp(mfaToken, digits));
    } catch (error) {
      setErrors(summaryOf(error, 'totp-confirm-code'));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  if (!setup) return errors.length ? <ErrorSummary items={errors} /> : <Loading />;
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary items={errors} />
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
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={errors.find((e) => e.fieldId === 'totp-confirm-code')?.text}
      />
      <Button type="submit" busy={busy}>
        {signIn.confirmApp}
      </Button>
    </form>
  );
}
