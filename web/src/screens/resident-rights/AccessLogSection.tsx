import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Empty, Loading } from '../../components/Loading';
import { formatDateTime } from '../../text/format';
import { rights } from '../../text/resident-rights';
import { DownloadStatus } from './DownloadStatus';
import { failureText } from './failure';
import { accessLog, accessLogPdf, type AccessLogEntry } from './rights-api';
import { useDownload } from './use-download';

const text = rights.accessLog;

type Log = { entries: AccessLogEntry[]; nextCursor: string | null };

/**
 * The resident's access log, a page at a time. It is read when asked for, not when the resident's
 * page opens: every read is itself written in the log (and may ask the reader to confirm who they are).
 */
export function AccessLogSection({ residentId }: { residentId: string }) {
  const [log, setLog] = useState<Log | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [download, run] = useDownload();

  const load = async (cursor?: string) => {
    setBusy(true);
    setError(null);
    try {
      const page = await accessLog(residentId, cursor);
      setLog((before) => ({ entries: [...(cursor && before ? before.entries : []), ...page.items], nextCursor: page.nextCursor }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="access-log-heading">
      <h3 id="access-log-heading">{text.heading}</h3>
      <p>{text.intro}</p>
      <div className="resident-rights-actions">
        {!log && (
          <Button variant="secondary" busy={busy} onClick={() => void load()}>
            {text.show}
          </Button>
        )}
        <Button variant="secondary" busy={download.state === 'busy'} onClick={() => void run('pdf', () => accessLogPdf(residentId))}>
          {text.pdf}
        </Button>
      </div>
      <DownloadStatus state={download} />
      {error !== null && <Alert kind="error">{failureText(error)}</Alert>}
      {busy && !log && <Loading text={text.loading} />}
      {log && (log.entries.length === 0 ? <Empty text={text.empty} /> : <LogTable entries={log.entries} />)}
      {log && <p role="status">{log.entries.length > 0 ? text.shown(log.entries.length) : ''}</p>}
      {log?.nextCursor && (
        <Button variant="tertiary" busy={busy} onClick={() => void load(log.nextCursor ?? undefined)}>
          {text.more}
        </Button>
      )}
    </section>
  );
}

function LogTable({ entries }: { entries: AccessLogEntry[] }) {
  return (
    <div className="table--responsive-scroll">
      <table className="table table--compact">
        <caption>{text.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.when}</th>
            <th scope="col">{text.who}</th>
            <th scope="col">{text.what}</th>
            <th scope="col">{text.why}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            // The log has no ids of its own; its order never changes while it is shown.
            <tr key={`${e.occurredAt}-${i}`}>
              <td>{formatDateTime(e.occurredAt)}</td>
              <td>{e.actor ? [e.actor.name, e.actor.roleLabel, e.actor.organisation].filter(Boolean).join(', ') : text.system}</td>
              <td>{e.actionLabel}</td>
              <td>{e.purposeLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
