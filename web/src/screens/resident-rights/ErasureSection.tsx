import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ERASURE_REASONS, type ErasureReason, rights } from '../../text/resident-rights';
import { failureText } from './failure';
import { erase, type Erasure } from './rights-api';

const text = rights.erasure;

/**
 * Erasure on request (GDPR Art. 17): a reason, then a confirmation that says what goes, what
 * stays and what follows, before anything is sent. Erasing twice answers the same, so a retry
 * after a lost answer is harmless.
 */
export function ErasureSection({ residentId, onErased }: { residentId: string; onErased?: (erasure: Erasure) => void }) {
  const { me } = useSession();
  const [reason, setReason] = useState<ErasureReason | ''>('');
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [erased, setErased] = useState<Erasure | null>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const doneHeading = useRef<HTMLDivElement>(null);

  // Focus follows the step, so keyboard and screen-reader users land on what is asked now.
  useEffect(() => {
    if (step === 'confirm') confirmHeading.current?.focus();
  }, [step]);
  useEffect(() => {
    if (erased) doneHeading.current?.focus();
  }, [erased]);

  const ask = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!reason) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setStep('confirm');
  };

  const confirm = async () => {
    if (!reason) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await erase(residentId, reason);
      setErased(answer);
      onErased?.(answer);
    } catch (e) {
      setError(e);
      setStep('choose');
    } finally {
      setBusy(false);
    }
  };

  if (erased) {
    return (
      <section aria-labelledby="erasure-heading">
        <h3 id="erasure-heading">{text.heading}</h3>
        <div ref={doneHeading} tabIndex={-1}>
          <Alert kind="success" heading={text.done}>
            <p>{text.doneBody(erased.pseudonym)}</p>
            {/* Back to the list the erased resident was found in: the counsellor's residents, the social worker's programmes. */}
            {me?.role === 'social_worker' ? <Link to="/forloeb">{text.toProgrammes}</Link> : <Link to="/beboere">{text.toResidents}</Link>}
          </Alert>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="erasure-heading">
      <h3 id="erasure-heading">{text.heading}</h3>
      <p>{text.intro}</p>
      {error !== null && <Alert kind="error">{failureText(error)}</Alert>}
      {step === 'choose' ? (
        <form onSubmit={ask} noValidate>
          <ErrorSummary items={missing ? [{ fieldId: 'erasure-reason', text: text.reasonMissing }] : []} />
          <div className={`form-group${missing ? ' form-error' : ''}`}>
            <label className="form-label" htmlFor="erasure-reason">
              {text.reason}
            </label>
            <span className="form-hint" id="erasure-reason-hint">
              {text.reasonHint}
            </span>
            {missing && (
              <span className="form-error-message" id="erasure-reason-error">
                <span className="sr-only">Fejl: </span>
                {text.reasonMissing}
              </span>
            )}
            <select
              className="form-select"
              id="erasure-reason"
              value={reason}
              aria-invalid={missing || undefined}
              aria-describedby={missing ? 'erasure-reason-hint erasure-reason-error' : 'erasure-reason-hint'}
              onChange={(e) => setReason(e.target.value as ErasureReason | '')}
            >
              <option value="" />
              {Object.entries(ERASURE_REASONS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary">
            {text.start}
          </Button>
        </form>
      ) : (
        <div className="resident-rights-confirm">
          <h4 ref={confirmHeading} tabIndex={-1}>
            {text.confirmHeading}
          </h4>
          <p>{ERASURE_REASONS[reason as ErasureReason]}.</p>
          <h5>{text.erased}</h5>
          <ul>
            {text.erasedList.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <h5>{text.kept}</h5>
          <ul>
            {text.keptList.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <h5>{text.after}</h5>
          <ul>
            {text.afterList.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <div className="resident-rights-actions">
            <Button busy={busy} onClick={() => void confirm()}>
              {text.confirm}
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => setStep('choose')}>
              {text.cancel}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
