import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { formatDate } from '../../text/format';
import { caseView as text } from '../../text/counsellor';
import { counsellorApi, newKey, type ConsentSummary, type ReferralRecipient } from './counsellor-api';
import { problemOf, useProblemText } from './problems';

const OTHER = 'other';

/** Why the resident's consent does not allow a referral to this recipient, in the counsellor's words. */
export function consentVerdict(recipient: Pick<ReferralRecipient, 'consentAllows' | 'consent'>): string {
  if (recipient.consentAllows) return text.consentAllows;
  const k: ConsentSummary | null = recipient.consent;
  if (!k) return text.consentMissing;
  if (!k.namesRecipient) return text.consentOtherRecipients;
  if (k.status === 'withdrawn' && k.withdrawnAt) return text.consentWithdrawn(formatDate(k.withdrawnAt));
  if (k.status === 'expired' && k.expiresAt) return text.consentExpired(formatDate(k.expiresAt));
  return text.consentMissing;
}

/**
 * A referral. Before anything is sent the form says whether the resident's consent allows sharing
 * the case with the chosen organisation; when it does not, the consent the resident gives there
 * and then is recorded inline, and the referral can follow.
 */
export function ReferralForm({ caseId, residentId, onReferred }: { caseId: string; residentId: string; onReferred: () => void }) {
  const [recipients, setRecipients] = useState<ReferralRecipient[]>([]);
  const [choice, setChoice] = useState('');
  const [recipientName, setRecipientName] = useState('');
  const [reason, setReason] = useState('');
  const [consentForm, setConsentForm] = useState<'oral' | 'written'>('oral');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const describe = useProblemText();

  const loadRecipients = useCallback(async () => {
    try {
      setRecipients((await counsellorApi.referralRecipients(caseId)).items);
    } catch (e) {
      setError(e);
    }
  }, [caseId]);
  useEffect(() => {
    void loadRecipients();
  }, [loadRecipients]);

  const chosen = recipients.find((r) => r.organisationId === choice);

  const recordConsent = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await counsellorApi.giveConsent({ residentId, scope: 'share_counselling', recipientOrganisationIds: [chosen.organisationId], givenBy: 'resident', form: consentForm, includesNotes: false }, newKey());
      setNotice(text.consentRecorded);
      await loadRecipients();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const to = choice === OTHER ? { recipientName: recipientName.trim() } : { organisationId: choice };
      await counsellorApi.refer(caseId, { ...to, ...(reason.trim() ? { reason: reason.trim() } : {}) }, newKey());
      setNotice(text.referred);
      setChoice('');
      setReason('');
      setRecipientName('');
      onReferred();
    } catch (e) {
      setError(e);
      // The refusal names the consent it found: the form shows it as it would have before sending.
      if (problemOf(e)?.code === 'consent_required') await loadRecipients();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="referral-heading">
      <h2 id="referral-heading">{text.refer}</h2>
      <p role="status">{notice}</p>
      {error !== null && <Alert kind="error">{describe(error)}</Alert>}
      <div className="form-group">
        <label className="form-label" htmlFor="referral-recipient">
          {text.recipient}
        </label>
        <select className="form-select" id="referral-recipient" value={choice} onChange={(e) => { setChoice(e.target.value); setNotice(''); setError(null); }}>
          <option value="">{text.chooseRecipient}</option>
          {recipients.map((r) => (
            <option key={r.organisationId} value={r.organisationId}>
              {r.name}
            </option>
          ))}
          <option value={OTHER}>{text.otherRecipient}</option>
        </select>
      </div>
      {choice === OTHER && <Field id="referral-name" label={text.recipientName} required maxLength={200} value={recipientName} onChange={(e) => setRecipientName(e.target.value)} />}
      {chosen && (
        <Alert kind={chosen.consentAllows ? 'success' : 'warning'}>
          <span className="referral-consent">{consentVerdict(chosen)}</span>
        </Alert>
      )}
      {chosen && !chosen.consentAllows && (
        <fieldset className="inline-consent">
          <legend className="h4">{text.consentLegend}</legend>
          {(
            [
              ['oral', text.oral],
              ['written', text.written],
            ] as const
          ).map(([value, label]) => (
            <div className="form-group-radio" key={value}>
              <input type="radio" className="form-radio" id={`consent-form-${value}`} name="consent-form" checked={consentForm === value} onChange={() => setConsentForm(value)} />
              <label className="form-label" htmlFor={`consent-form-${value}`}>
                {label}
              </label>
            </div>
          ))}
          <Button variant="secondary" busy={busy} onClick={() => void recordConsent()}>
            {text.recordConsent}
          </Button>
        </fieldset>
      )}
      <Field id="referral-reason" label={text.reason} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      <Button type="submit" busy={busy} disabled={!choice || (chosen !== undefined && !chosen.consentAllows) || (choice === OTHER && !recipientName.trim())}>
        {text.sendReferral}
      </Button>
    </form>
  );
}
