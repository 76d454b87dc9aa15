import { useState } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { socialWorker } from '../../text/social-worker';
import { ActionStatus } from './ActionStatus';
import { SelectField } from '../../components/SelectField';
import { addGuardian } from './social-worker-api';
import { useAction } from './use-action';

const text = socialWorker.family;
const RELATIONS = ['mother', 'father', 'guardian', 'other'] as const;

/** Adds a parent or guardian to the youth: the one who consents to the programme and signs the contract. */
export function GuardianForm({ residentId, onChange }: { residentId: string; onChange: () => Promise<void> }) {
  const [name, setName] = useState('');
  const [relation, setRelation] = useState<(typeof RELATIONS)[number]>('mother');
  const [phone, setPhone] = useState('');
  const action = useAction();
  const submit = () => {
    if (!name.trim()) return action.fail(text.guardianNameMissing);
    void action.run(async () => {
      await addGuardian(residentId, { name: name.trim(), relation, ...(phone.trim() ? { phone: phone.trim() } : {}) });
      setName('');
      setPhone('');
      await onChange();
    }, text.guardianSaved);
  };
  return (
    <details className="section-form">
      <summary>{text.guardianHeading}</summary>
      <ActionStatus action={action} />
      <Field id="guardian-name" label={text.guardianName} value={name} onChange={(e) => setName(e.target.value)} />
      <SelectField id="guardian-relation" label={text.guardianRelation} value={relation} onChange={(e) => setRelation(e.target.value as typeof relation)} options={RELATIONS.map((r) => [r, text.relationLabel[r]] as const)} />
      <Field id="guardian-phone" type="tel" label={text.guardianPhone} value={phone} onChange={(e) => setPhone(e.target.value)} />
      <Button variant="secondary" busy={action.busy} onClick={submit}>
        {text.guardianButton}
      </Button>
    </details>
  );
}
