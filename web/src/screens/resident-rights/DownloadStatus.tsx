import { Alert } from '../../components/Alert';
import { rights as text } from '../../text/resident-rights';
import { failureText } from './failure';
import type { DownloadState } from './use-download';

/** Where a download's outcome is announced (a live region that is always there, so the news is read out). */
export function DownloadStatus({ state }: { state: DownloadState }) {
  if (state.state === 'failed') return <Alert kind="error">{failureText(state.error)}</Alert>;
  return (
    <p role="status" className="resident-rights-status">
      {state.state === 'busy' ? text.download.busy : state.state === 'done' ? text.download.done(state.fileName) : ''}
    </p>
  );
}
