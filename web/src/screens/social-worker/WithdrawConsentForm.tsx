import { useEffect, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { socialWorker } from '../../text/social-worker';
import { withdrawConsent, type Consent } from './social-worker-api';
import type { Action } from './use-action';

const text = socialWorker.family;

/**
 * Withdraws one consent, with the reason as the guardian or youth gave it (free text, optional). Sharing
 * stops at once; the consent stays in the list as withdrawn, so what was agreed remains on record.
 */
export function WithdrawConsentForm({ consent, action, onDone, onCancel }: { consent: Consent; action: Action; onDone: () => Promise<void>; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  // The form opens below the table: focus moves to it, so keyboard users land on what is asked.
  useEffect(() => heading.current?.focus(), []);
  const scope = text.scopeLabel[consent.scope];
  const submit = () =>
    void action
      .run(async () => {
        await withdrawConsent(consent.id, reason.trim() || undefined);
        await onDone();
      }, text.withdrawn)
      .then((ok) => ok && onCancel());
  return (
    <div className="section-form">
      <h3 ref={heading} tabIndex={-1}>
        {text.withdrawHeading(scope)}
      </h3>
      <Field id="withdraw-reason" label={text.withdrawReason} hint={text.withdrawHint} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      <div className="button-row">
        <Button busy={action.busy} onClick={submit}>
          {text.withdrawButton}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {text.withdrawCancel}
        </Button>
      </div>
    </div>
  );
}
