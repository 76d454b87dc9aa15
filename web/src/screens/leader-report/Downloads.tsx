import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { leaderReport } from '../../text/leader-report';
import { failureText } from '../caseworker/caseworker-api';
import { download, type ExportFormat } from './leader-report-api';

const text = leaderReport.report;
const FORMATS: [ExportFormat, string][] = [
  ['xlsx', 'Excel (XLSX)'],
  ['csv', 'CSV'],
  ['pdf', 'PDF'],
];

/** The report's files, fetched with the session's token and saved by the browser. */
export function Downloads({ id }: { id: string }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const get = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      await download(id, format);
    } catch (failure) {
      setError(failureText(failure));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">{text.downloadsHeading}</h2>
      {error && <Alert kind="error">{error}</Alert>}
      <ul className="nobullet-list report-downloads">
        {FORMATS.map(([format, name]) => (
          <li key={format}>
            <Button variant="secondary" busy={busy === format} onClick={() => void get(format)}>
              {text.download(name)}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
