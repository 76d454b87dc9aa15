import { Button } from '../../components/Button';
import { rights } from '../../text/resident-rights';
import { DownloadStatus } from './DownloadStatus';
import { copyDocument } from './rights-api';
import { useDownload } from './use-download';

const text = rights.copy;

/** The resident's copy of everything held about them (GDPR Art. 15): a PDF to hand over, and the same as JSON. */
export function CopySection({ residentId }: { residentId: string }) {
  const [download, run] = useDownload();
  const busy = (which: string) => download.state === 'busy' && download.which === which;
  return (
    <section aria-labelledby="copy-heading">
      <h3 id="copy-heading">{text.heading}</h3>
      <p>{text.intro}</p>
      <div className="resident-rights-actions">
        <Button variant="secondary" busy={busy('pdf')} disabled={download.state === 'busy'} onClick={() => void run('pdf', () => copyDocument(residentId, 'pdf'))}>
          {text.pdf}
        </Button>
        <Button variant="secondary" busy={busy('json')} disabled={download.state === 'busy'} onClick={() => void run('json', () => copyDocument(residentId, 'json'))}>
          {text.json}
        </Button>
      </div>
      <DownloadStatus state={download} />
    </section>
  );
}
