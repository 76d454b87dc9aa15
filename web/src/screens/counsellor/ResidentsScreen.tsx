import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DuplicateComparison } from '../../components/DuplicateComparison';
import { Field } from '../../components/Field';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatCalendarDate } from '../../text/format';
import { GENDERS, residents as text } from '../../text/counsellor';
import { counsellorApi, newKey, type HousingArea, type RegisterBody, type Resident } from './counsellor-api';
import { problemOf, useProblemText } from './problems';

export const residentName = (r: Pick<Resident, 'anonymous' | 'pseudonym' | 'firstName' | 'lastName'>) =>
  r.anonymous ? text.anonymousName(r.pseudonym ?? '') : [r.firstName, r.lastName].filter(Boolean).join(' ');

/** Find a resident by name, phone or pseudonym, or register one (anonymous allowed). */
export function ResidentsScreen() {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Resident[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [registering, setRegistering] = useState(false);
  const [areas, setAreas] = useState<HousingArea[]>([]);
  const describe = useProblemText();

  useEffect(() => {
    counsellorApi.housingAreas().then((page) => setAreas(page.items), () => undefined);
  }, []);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    if (!q.trim()) return;
    setSearching(true);
    try {
      setResults((await counsellorApi.searchResidents(q.trim())).items);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setSearching(false);
    }
  };

  const areaName = (id: string) => areas.find((a) => a.id === id)?.name ?? '';

  return (
    <>
      <PageHeading>{text.title}</PageHeading>
      <form onSubmit={(e) => void search(e)} role="search" className="resident-search">
        <Field id="resident-q" label={text.searchLabel} value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
        <Button type="submit" busy={searching}>
          {text.search}
        </Button>
      </form>
      {searching && <Loading text={text.searching} />}
      {error !== null && <Alert kind="error">{describe(error)}</Alert>}
      {results !== null && !searching && (
        results.length === 0 ? (
          <Empty text={text.noMatches} />
        ) : (
          <table className="table table--compact">
            <caption>{text.results(results.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{text.name}</th>
                <th scope="col">{text.area}</th>
                <th scope="col">{text.phone}</th>
                <th scope="col">{text.birth}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/beboere/${r.id}`}>{residentName(r)}</Link>
                  </td>
                  <td>{areaName(r.housingAreaId)}</td>
                  <td>{r.phone ?? ''}</td>
                  <td>{r.birthDate ? formatCalendarDate(r.birthDate) : (r.birthYear ?? '')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
      {registering ? (
        <RegisterResident areas={areas} onCancel={() => setRegistering(false)} />
      ) : (
        <Button variant="secondary" onClick={() => setRegistering(true)}>
          {text.register}
        </Button>
      )}
    </>
  );
}

interface Draft {
  housingAreaId: string;
  anonymous: boolean;
  firstName: string;
  lastName: string;
  birthDate: string;
  birthYear: string;
  gender: string;
  phone: string;
  email: string;
}

const EMPTY: Draft = { housingAreaId: '', anonymous: false, firstName: '', lastName: '', birthDate: '', birthYear: '', gender: 'unknown', phone: '', email: '' };

function bodyOf(d: Draft, confirmNotDuplicate: boolean): RegisterBody {
  const body: RegisterBody = { housingAreaId: d.housingAreaId, anonymous: d.anonymous, gender: d.gender as RegisterBody['gender'], confirmNotDuplicate };
  if (d.birthYear) body.birthYear = Number(d.birthYear);
  if (d.anonymous) return body;
  for (const field of ['firstName', 'lastName', 'birthDate', 'phone', 'email'] as const) if (d[field].trim()) body[field] = d[field].trim();
  return body;
}

function RegisterResident({ areas, onCancel }: { areas: HousingArea[]; onCancel: () => void }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [duplicates, setDuplicates] = useState<Resident[] | null>(null);
  // One registration is one key: a retry after a lost answer never registers the person twice.
  const [key, setKey] = useState(newKey);
  const describe = useProblemText();
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setKey(newKey());
  };

  const submit = async (confirmNotDuplicate: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const body = bodyOf(draft, confirmNotDuplicate);
      const created = await counsellorApi.registerResident(body, confirmNotDuplicate ? `${key}-confirmed` : key);
      navigate(`/beboere/${created.id}`);
    } catch (e) {
      const problem = problemOf(e);
      const ids = problem?.code === 'possible_duplicate' ? ((problem.body?.duplicateIds as string[] | undefined) ?? []) : [];
      if (ids.length) {
        const found = await Promise.all(ids.slice(0, 3).map((id) => counsellorApi.resident(id).catch(() => null)));
        setDuplicates(found.filter((r): r is Resident => r !== null));
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  if (duplicates && duplicates.length > 0) {
    return (
      <section aria-labelledby="duplicate-heading" className="duplicate-compare">
        <h2 id="duplicate-heading">{text.duplicateTitle}</h2>
        <p>{text.duplicateIntro}</p>
        <DuplicateComparison
          caption={text.duplicateTitle}
          enteredHeading={text.youEntered}
          registeredHeading={(n) => (n === null ? text.likelyMatch : `${text.likelyMatch} ${n}`)}
          registered={duplicates}
          rows={[
            [text.name, [draft.firstName, draft.lastName].filter(Boolean).join(' '), residentName],
            [text.birthDate, draft.birthDate ? formatCalendarDate(draft.birthDate) : '', (r: Resident) => (r.birthDate ? formatCalendarDate(r.birthDate) : '')],
            [text.phone, draft.phone, (r: Resident) => r.phone ?? ''],
            [text.email, draft.email, (r: Resident) => r.email ?? ''],
            [text.area, areas.find((a) => a.id === draft.housingAreaId)?.name ?? '', (r: Resident) => areas.find((a) => a.id === r.housingAreaId)?.name ?? ''],
          ]}
        />
        <div className="button-row">
          {duplicates.map((d, i) => (
            <Button key={d.id} onClick={() => navigate(`/beboere/${d.id}`)} aria-label={duplicates.length > 1 ? `${text.useThis} (${text.likelyMatch} ${i + 1})` : undefined}>
              {text.useThis}
            </Button>
          ))}
          <Button variant="secondary" busy={busy} onClick={() => void submit(true)}>
            {text.differentPerson}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <form
      aria-labelledby="register-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
    >
      <h2 id="register-heading">{text.registerTitle}</h2>
      {error !== null && <Alert kind="error">{describe(error)}</Alert>}
      <div className="form-group">
        <label className="form-label" htmlFor="register-area">
          {text.area}
        </label>
        <select className="form-select" id="register-area" required value={draft.housingAreaId} onChange={(e) => set({ housingAreaId: e.target.value })}>
          <option value="">{text.chooseArea}</option>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group-checkbox">
        <input type="checkbox" className="form-checkbox" id="register-anonymous" checked={draft.anonymous} onChange={(e) => set({ anonymous: e.target.checked })} />
        <label className="form-label" htmlFor="register-anonymous">
          {text.anonymous}
        </label>
      </div>
      {!draft.anonymous && (
        <>
          <Field id="register-first" label={text.firstName} value={draft.firstName} onChange={(e) => set({ firstName: e.target.value })} autoComplete="off" />
          <Field id="register-last" label={text.lastName} value={draft.lastName} onChange={(e) => set({ lastName: e.target.value })} autoComplete="off" />
          <Field id="register-birth" type="date" label={text.birthDate} value={draft.birthDate} onChange={(e) => set({ birthDate: e.target.value })} />
          <Field id="register-phone" type="tel" label={text.phone} value={draft.phone} onChange={(e) => set({ phone: e.target.value })} autoComplete="off" />
          <Field id="register-email" type="email" label={text.email} value={draft.email} onChange={(e) => set({ email: e.target.value })} autoComplete="off" />
        </>
      )}
      {draft.anonymous && <Field id="register-year" type="number" inputMode="numeric" label={text.birthYear} value={draft.birthYear} onChange={(e) => set({ birthYear: e.target.value })} />}
      <div className="form-group">
        <label className="form-label" htmlFor="register-gender">
          {text.gender}
        </label>
        <select className="form-select" id="register-gender" value={draft.gender} onChange={(e) => set({ gender: e.target.value })}>
          {Object.entries(GENDERS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row">
        <Button type="submit" busy={busy}>
          {text.save}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {text.cancel}
        </Button>
      </div>
    </form>
  );
}
