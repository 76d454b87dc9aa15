import { useState } from 'react';
import { Button } from '../../components/Button';
import { Empty } from '../../components/Loading';
import { formatDate } from '../../text/format';
import { socialWorker } from '../../text/social-worker';
import { ActionStatus } from './ActionStatus';
import { GuardianForm } from './GuardianForm';
import { SelectField } from '../../components/SelectField';
import { recordParticipationConsent, type Consent, type Youth } from './social-worker-api';
import { useAction } from './use-action';
import { WithdrawConsentForm } from './WithdrawConsentForm';

const text = socialWorker.family;

/** The youth's guardians, the consents recorded, and a guardian's consent to the programme. */
export function FamilySection({ youth, consents, onChange }: { youth: Youth; consents: Consent[]; onChange: () => Promise<void> }) {
  const guardians = youth.guardians ?? [];
  const [chosenGuardian, setGuardianId] = useState('');
  const guardianId = chosenGuardian || guardians[0]?.id || '';
  const [form, setForm] = useState<'written' | 'oral'>('written');
  const action = useAction();
  const withdrawal = useAction();
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const guardianName = (id: string | null) => guardians.find((g) => g.id === id)?.name ?? '';
  const submit = () =>
    void action.run(async () => {
      await recordParticipationConsent(youth.id, guardianId, form);
      await onChange();
    }, text.consentSaved);
  return (
    <>
      {guardians.length === 0 ? (
        <Empty text={text.noGuardians} />
      ) : (
        <table className="table table--zebra">
          <caption>{text.guardiansCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.name}</th>
              <th scope="col">{text.relation}</th>
              <th scope="col">{text.phone}</th>
            </tr>
          </thead>
          <tbody>
            {guardians.map((g) => (
              <tr key={g.id}>
                <td>{g.name}</td>
                <td>{text.relationLabel[g.relation]}</td>
                <td>{g.phone ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {consents.length === 0 ? (
        <Empty text={text.noConsents} />
      ) : (
        <table className="table table--zebra">
          <caption>{text.consentsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.scope}</th>
              <th scope="col">{text.status}</th>
              <th scope="col">{text.given}</th>
              <th scope="col">{text.actions}</th>
            </tr>
          </thead>
          <tbody>
            {consents.map((c) => (
              <tr key={c.id}>
                <td>{text.scopeLabel[c.scope]}</td>
                <td>{c.withdrawal ? text.withdrawnAt(formatDate(c.withdrawal.withdrawnAt)) : text.statusLabel[c.status]}</td>
                <td>
                  {formatDate(c.givenAt)} {guardianName(c.guardianId)}
                </td>
                <td>
                  {(c.status === 'active' || c.status === 'pending') && (
                    <Button variant="secondary" onClick={() => setWithdrawing(c)}>
                      {text.withdraw(text.scopeLabel[c.scope])}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ActionStatus action={withdrawal} />
      {withdrawing && <WithdrawConsentForm key={withdrawing.id} consent={withdrawing} action={withdrawal} onDone={onChange} onCancel={() => setWithdrawing(null)} />}
      {/* The board's "Registrér samtykket" lands here: a youth without a guardian gets one added first. */}
      <div id="samtykke">
        {!youth.anonymous && <GuardianForm residentId={youth.id} onChange={onChange} />}
        {guardians.length > 0 && (
          <div className="section-form">
            <h3>{text.consentHeading}</h3>
            <ActionStatus action={action} />
            <SelectField id="consent-guardian" label={text.consentGuardian} value={guardianId} onChange={(e) => setGuardianId(e.target.value)} options={guardians.map((g) => [g.id, g.name] as const)} />
            <fieldset>
              <legend className="form-label">{text.consentForm}</legend>
              {(['written', 'oral'] as const).map((f) => (
                <div className="form-group-radio" key={f}>
                  <input className="form-radio" type="radio" name="consent-form" id={`consent-form-${f}`} checked={form === f} onChange={() => setForm(f)} />
                  <label htmlFor={`consent-form-${f}`}>{text[f]}</label>
                </div>
              ))}
            </fieldset>
            <Button busy={action.busy} onClick={submit}>
              {text.consentButton}
            </Button>
          </div>
        )}
      </div>
    </>
  );
}
