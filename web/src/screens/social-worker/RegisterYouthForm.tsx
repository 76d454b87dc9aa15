import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DuplicateComparison, type ComparisonRow } from '../../components/DuplicateComparison';
import { Field } from '../../components/Field';
import { ApiProblem } from '../../api/problem';
import { formatCalendarDate } from '../../text/format';
import { socialWorker } from '../../text/social-worker';
import { failureText } from '../caseworker/caseworker-api';
import { SelectField } from '../../components/SelectField';
import { registerYouth, youth, type HousingArea, type RegisterBody, type Resident } from './social-worker-api';

const text = socialWorker.start;

interface Draft {
  housingAreaId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  phone: string;
  gender: string;
}

const EMPTY: Draft = { housingAreaId: '', firstName: '', lastName: '', birthDate: '', phone: '', gender: 'unknown' };

function bodyOf(d: Draft, confirmNotDuplicate: boolean): RegisterBody {
  const body: RegisterBody = {
    housingAreaId: d.housingAreaId,
    anonymous: false,
    firstName: d.firstName.trim(),
    lastName: d.lastName.trim(),
    birthDate: d.birthDate,
    gender: d.gender as RegisterBody['gender'],
    confirmNotDuplicate,
  };
  if (d.phone.trim()) body.phone = d.phone.trim();
  return body;
}

export const youthName = (r: Pick<Resident, 'anonymous' | 'pseudonym' | 'firstName' | 'lastName'>) =>
  r.anonymous ? (r.pseudonym ?? '') : [r.firstName, r.lastName].filter(Boolean).join(' ');

/**
 * Registers a youth in the social workers' compartment. A youth programme needs a birth date (the age
 * range), so this form has no anonymous registration. A possible duplicate is shown side by side with
 * what was typed: the social worker uses the registered youth, or confirms it is another person.
 */
export function RegisterYouthForm({ areas, onRegistered, onCancel }: { areas: HousingArea[]; onRegistered: (r: Resident) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<Resident[] | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setKey(crypto.randomUUID());
  };
  const areaName = (id: string) => areas.find((a) => a.id === id)?.name ?? '';

  const submit = async (confirmNotDuplicate: boolean) => {
    if (!draft.housingAreaId || !draft.firstName.trim() || !draft.lastName.trim() || !draft.birthDate) {
      setError(text.missing);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onRegistered(await registerYouth(bodyOf(draft, confirmNotDuplicate), confirmNotDuplicate ? `${key}-confirmed` : key));
    } catch (e) {
      const ids = e instanceof ApiProblem && e.code === 'possible_duplicate' ? ((e.extensions.duplicateIds as string[] | undefined) ?? []) : [];
      const found = ids.length ? (await Promise.all(ids.slice(0, 3).map((id) => youth(id).catch(() => null)))).filter((r): r is Resident => r !== null) : [];
      if (found.length) setDuplicates(found);
      else setError(failureText(e));
    } finally {
      setBusy(false);
    }
  };

  if (duplicates) {
    const rows: ComparisonRow<Resident>[] = [
      [text.name, [draft.firstName, draft.lastName].filter(Boolean).join(' '), youthName],
      [text.birthDate, draft.birthDate ? formatCalendarDate(draft.birthDate) : '', (r) => (r.birthDate ? formatCalendarDate(r.birthDate) : '')],
      [text.phone, draft.phone, (r) => r.phone ?? ''],
      [text.area, areaName(draft.housingAreaId), (r) => areaName(r.housingAreaId)],
    ];
    return (
      <section aria-labelledby="dublet" className="section-form">
        <h2 id="dublet">{text.duplicateHeading}</h2>
        <p>{text.duplicateIntro}</p>
        <DuplicateComparison caption={text.duplicateHeading} enteredHeading={text.youEntered} registeredHeading={text.registered} registered={duplicates} rows={rows} />
        {error && <Alert kind="error">{error}</Alert>}
        <div className="button-row">
          {duplicates.map((d) => (
            <Button key={d.id} onClick={() => onRegistered(d)}>
              {text.useThis(youthName(d))}
            </Button>
          ))}
          <Button variant="secondary" busy={busy} onClick={() => void submit(true)}>
            {text.notSame}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <form
      aria-labelledby="registrer"
      className="section-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
    >
      <h2 id="registrer">{text.registerHeading}</h2>
      {error && <Alert kind="error">{error}</Alert>}
      <SelectField id="youth-area" label={text.area} value={draft.housingAreaId} onChange={(e) => set({ housingAreaId: e.target.value })} empty={text.chooseArea} options={areas.map((a) => [a.id, a.name] as const)} />
      <Field id="youth-first" label={text.firstName} value={draft.firstName} onChange={(e) => set({ firstName: e.target.value })} autoComplete="off" />
      <Field id="youth-last" label={text.lastName} value={draft.lastName} onChange={(e) => set({ lastName: e.target.value })} autoComplete="off" />
      <Field id="youth-birth" type="date" label={text.birthDate} value={draft.birthDate} onChange={(e) => set({ birthDate: e.target.value })} />
      <Field id="youth-phone" type="tel" label={text.phoneOptional} value={draft.phone} onChange={(e) => set({ phone: e.target.value })} autoComplete="off" />
      <SelectField id="youth-gender" label={text.gender} value={draft.gender} onChange={(e) => set({ gender: e.target.value })} options={Object.entries(text.genderLabel)} />
      <div className="button-row">
        <Button type="submit" busy={busy}>
          {text.registerButton}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {text.cancel}
        </Button>
      </div>
    </form>
  );
}
