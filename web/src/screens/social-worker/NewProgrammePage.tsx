import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatCalendarDate } from '../../text/format';
import { socialWorker } from '../../text/social-worker';
import { failureText } from '../caseworker/caseworker-api';
import { RegisterYouthForm, youthName } from './RegisterYouthForm';
import { housingAreas, searchYouth, type HousingArea, type Resident } from './social-worker-api';
import { StartProgrammeForm } from './StartProgrammeForm';
import './social-worker.css';

const text = socialWorker.start;

/** "Nyt forløb": find the youth among the compartment's residents or register them, then start the programme. */
export function NewProgrammePage() {
  const [areas, setAreas] = useState<HousingArea[]>([]);
  const [chosen, setChosen] = useState<Resident | null>(null);
  const [registering, setRegistering] = useState(false);
  useEffect(() => {
    housingAreas().then(setAreas, () => undefined);
  }, []);
  const areaName = (id: string) => areas.find((a) => a.id === id)?.name ?? '';

  return (
    <>
      <p>
        <Link to="/forloeb">{text.back}</Link>
      </p>
      <PageHeading>{text.heading}</PageHeading>
      {chosen ? (
        <StartProgrammeForm youth={chosen} areaName={areaName(chosen.housingAreaId)} onOther={() => setChosen(null)} />
      ) : (
        <>
          <p>{text.intro}</p>
          <FindYouth areaName={areaName} onChoose={setChosen} />
          {registering ? (
            <RegisterYouthForm areas={areas} onRegistered={setChosen} onCancel={() => setRegistering(false)} />
          ) : (
            <Button variant="secondary" onClick={() => setRegistering(true)}>
              {text.register}
            </Button>
          )}
        </>
      )}
    </>
  );
}

function FindYouth({ areaName, onChoose }: { areaName: (id: string) => string; onChoose: (r: Resident) => void }) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Resident[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const search = async (event: FormEvent) => {
    event.preventDefault();
    if (!q.trim()) return;
    setSearching(true);
    try {
      setResults(await searchYouth(q.trim()));
      setError(null);
    } catch (e) {
      setError(failureText(e));
    } finally {
      setSearching(false);
    }
  };
  return (
    <>
      <form role="search" aria-label={text.find} onSubmit={(e) => void search(e)} className="resident-search">
        <Field id="youth-q" label={text.searchLabel} value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
        <Button type="submit" busy={searching}>
          {text.search}
        </Button>
      </form>
      <div aria-live="polite">
        {searching && <Loading />}
        {error && <Alert kind="error">{error}</Alert>}
        {results !== null && !searching && results.length === 0 && <Empty text={text.noMatches} />}
      </div>
      {results !== null && !searching && results.length > 0 && (
        <table className="table table--compact">
          <caption>{text.results(results.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{text.name}</th>
              <th scope="col">{text.birthDate}</th>
              <th scope="col">{text.area}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.id}>
                <td>{youthName(r)}</td>
                <td>{r.birthDate ? formatCalendarDate(r.birthDate) : ''}</td>
                <td>{areaName(r.housingAreaId)}</td>
                <td>
                  <Button variant="secondary" onClick={() => onChoose(r)}>
                    {text.choose(youthName(r))}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
