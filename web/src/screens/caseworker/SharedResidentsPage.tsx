import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { caseworker } from '../../text/caseworker';
import { formatDate } from '../../text/format';
import { failureText, sharedResidents, type SharedResident, type SharedResidentPage } from './caseworker-api';
import { useLoad, useMoreOfList } from '../../app/use-load';
import { LoadMore } from '../../components/LoadMore';
import './caseworker.css';

const text = caseworker.shared;

/** Until when a resident is shared: the latest end of their consents, or until withdrawn if one has none. */
export function sharedUntil(r: Pick<SharedResident, 'sharedBy'>): string {
  if (r.sharedBy.some((k) => k.expiresAt === null)) return text.untilWithdrawn;
  const last = r.sharedBy.map((k) => String(k.expiresAt)).sort().at(-1);
  return last ? formatDate(last) : '';
}

/** The residents whose consent shares them with the caseworker's organisation: read-only, searchable by name. */
export function SharedResidentsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [query, setQuery] = useState(q);
  const [loaded, replace] = useLoad<SharedResidentPage>(q, () => sharedResidents(q));
  const more = useMoreOfList(loaded, replace, (cursor) => sharedResidents(q, cursor));

  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(query.trim() ? { q: query.trim() } : {});
  };
  return (
    <>
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro}</p>
      <form className="search-row" role="search" onSubmit={search}>
        <Field id="shared-search" label={text.searchLabel} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        <Button type="submit" variant="secondary">
          {text.search}
        </Button>
      </form>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' && (
        <>
          {loaded.data.items.length === 0 ? (
            <Empty text={text.empty} />
          ) : (
            <div className="table--responsive-scroll">
              <table className="table table--zebra">
                <caption className="sr-only">{text.tableCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{text.name}</th>
                    <th scope="col">{text.housingArea}</th>
                    <th scope="col">{text.birthYear}</th>
                    <th scope="col">{text.sharedUnder}</th>
                    <th scope="col">{text.until}</th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.data.items.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        <Link to={`/delte-beboere/${r.id}`}>{r.displayName}</Link>
                      </th>
                      <td>{r.housingAreaName ?? ''}</td>
                      <td>{r.birthYear ?? ''}</td>
                      <td>{r.sharedBy.map((k) => k.scopeLabel).join(', ')}</td>
                      <td>{sharedUntil(r)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <LoadMore more={more} label={text.more} describe={failureText} />
        </>
      )}
    </>
  );
}
