import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatCalendarDate } from '../../text/format';
import { phaseLabel, socialWorker, type Phase } from '../../text/social-worker';
import { failureText } from '../caseworker/caseworker-api';
import { useLoad } from '../../app/use-load';
import { requirementAction } from './requirement-link';
import { boardProgrammes, type ProgrammeListItem } from './social-worker-api';
import './social-worker.css';

const text = socialWorker.board;
const RUNNING: Phase[] = ['clarification', 'matching', 'employment', 'evaluation'];

/** The compartment's programmes by phase; each card says what its next phase still needs, each need one click from its form. */
export function BoardPage() {
  const [loaded] = useLoad('board', boardProgrammes);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading>{text.heading}</PageHeading>
        <Alert kind="error">{failureText(loaded.error)}</Alert>
      </>
    );
  }
  const items = loaded.data;
  const finished = items.filter((p) => p.phase === 'ordinary_job' || p.phase === 'ended');
  return (
    <>
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro}</p>
      <p>
        <Link to="/forloeb/nyt" className="button button-primary">
          {socialWorker.start.boardLink}
        </Link>
      </p>
      <div className="board">
        {RUNNING.map((phase) => {
          const inPhase = items.filter((p) => p.phase === phase);
          return (
            <section key={phase} className="board-column" aria-labelledby={`fase-${phase}`}>
              <h2 id={`fase-${phase}`} className="h3">
                {phaseLabel[phase]} <span className="board-count">({inPhase.length})</span>
              </h2>
              {inPhase.length === 0 ? (
                <Empty text={text.empty} />
              ) : (
                <ul className="nobullet-list">
                  {inPhase.map((p) => (
                    <ProgrammeCard key={p.id} p={p} />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      <h2>{text.finished}</h2>
      {finished.length === 0 ? (
        <Empty text={text.empty} />
      ) : (
        <ul>
          {finished.map((p) => (
            <li key={p.id}>
              <Link to={`/forloeb/${p.id}`} aria-label={text.open(p.youthName ?? text.unnamed)}>
                {p.youthName ?? text.unnamed}
              </Link>{' '}
              – {phaseLabel[p.phase]}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ProgrammeCard({ p }: { p: ProgrammeListItem }) {
  const name = p.youthName ?? text.unnamed;
  const next = p.nextStep;
  return (
    <li className="board-card">
      <h3 className="h5">
        <Link to={`/forloeb/${p.id}`} aria-label={text.open(name)}>
          {name}
        </Link>
      </h3>
      <p className="board-meta">
        {text.started} {formatCalendarDate(p.startedAt)}
      </p>
      {next && (
        <>
          <p className="board-meta">{text.next(phaseLabel[next.to])}</p>
          {next.unmet.length === 0 ? (
            <p className="board-ready">{text.ready}</p>
          ) : (
            <>
              <p className="board-meta">{text.missing}</p>
              <ul className="board-needs">
                {next.unmet.map((u) => {
                  const a = requirementAction(p.id, u.rule);
                  return (
                    <li key={u.rule}>
                      {a.need}: <Link to={a.href}>{a.action}</Link>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </>
      )}
    </li>
  );
}
