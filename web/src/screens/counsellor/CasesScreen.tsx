import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatDateTime } from '../../text/format';
import { CASE_STATUS, FORMS, cases as text } from '../../text/counsellor';
import { counsellorApi, type CaseForm, type CaseListItem, type HousingArea, type Topic } from './counsellor-api';
import { useProblemText } from './problems';

const FILTERS = ['status', 'topic', 'housingAreaId', 'form'] as const;

/** The counsellor's cases with filters kept in the address, so a filtered list can be bookmarked or shared. */
export function CasesScreen() {
  const [params, setParams] = useSearchParams();
  const [items, setItems] = useState<CaseListItem[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [topics, setTopics] = useState<Topic[]>([]);
  const [areas, setAreas] = useState<HousingArea[]>([]);
  const [error, setError] = useState<unknown>(null);
  const describe = useProblemText();
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const filterKey = FILTERS.map((f) => filters[f]).join('|');

  const load = useCallback(
    async (after?: string) => {
      try {
        const page = await counsellorApi.cases({
          status: (filters.status || undefined) as 'open' | 'closed' | undefined,
          topic: filters.topic || undefined,
          housingAreaId: filters.housingAreaId || undefined,
          form: (filters.form || undefined) as CaseForm | undefined,
          cursor: after,
        });
        setItems((old) => (after && old ? [...old, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(null);
      } catch (e) {
        setError(e);
      }
    },
    [filterKey],
  );

  useEffect(() => {
    setItems(null);
    void load();
  }, [load]);
  useEffect(() => {
    counsellorApi.topics().then((p) => setTopics(p.items), () => undefined);
    counsellorApi.housingAreas().then((p) => setAreas(p.items), () => undefined);
  }, []);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const f of FILTERS) {
      const value = String(data.get(f) ?? '');
      if (value) next.set(f, value);
    }
    setParams(next);
  };

  const select = (name: string, label: string, options: [string, string][]) => (
    <div className="form-group">
      <label className="form-label" htmlFor={`cases-${name}`}>
        {label}
      </label>
      <select className="form-select" id={`cases-${name}`} name={name} defaultValue={filters[name as (typeof FILTERS)[number]]}>
        <option value="">{text.all}</option>
        {options.map(([value, optionLabel]) => (
          <option key={value} value={value}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <PageHeading>{text.title}</PageHeading>
      <form onSubmit={apply} aria-label={text.filters} className="case-filters" key={filterKey}>
        {select('status', text.status, Object.entries(CASE_STATUS))}
        {select('topic', text.topic, topics.map((t) => [t.key, t.label]))}
        {select('housingAreaId', text.area, areas.map((a) => [a.id, a.name]))}
        {select('form', text.form, Object.entries(FORMS))}
        <Button type="submit" variant="secondary">
          {text.apply}
        </Button>
      </form>
      {error !== null && <Alert kind="error">{describe(error)}</Alert>}
      {items === null && error === null && <Loading text={text.loading} />}
      {items !== null && items.length === 0 && <Empty text={text.none} />}
      {items !== null && items.length > 0 && (
        <table className="table table--compact">
          <caption className="sr-only">{text.title}</caption>
          <thead>
            <tr>
              <th scope="col">{text.resident}</th>
              <th scope="col">{text.topic}</th>
              <th scope="col">{text.form}</th>
              <th scope="col">{text.status}</th>
              <th scope="col">{text.opened}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/beboere/${c.residentId}`}>{c.residentName}</Link>
                </td>
                <td>
                  <Link to={`/sager/${c.id}`}>{c.topicLabel}</Link>
                </td>
                <td>{FORMS[c.form] ?? c.form}</td>
                <td>{CASE_STATUS[c.status]}</td>
                <td>{formatDateTime(c.openedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <Button variant="secondary" onClick={() => void load(cursor)}>
          {text.more}
        </Button>
      )}
    </>
  );
}
