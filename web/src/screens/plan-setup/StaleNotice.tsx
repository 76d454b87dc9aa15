import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { planSetup } from '../../text/plan-setup';
import { problemText } from '../../text/problems';

/** Someone else saved first: say so in Danish and offer to fetch what is there now, instead of overwriting it. */
export function StaleNotice({ onReload }: { onReload: () => void }) {
  return (
    <Alert kind="warning">
      <p>{problemText('stale_version')}</p>
      <Button variant="secondary" onClick={onReload}>
        {planSetup.reload}
      </Button>
    </Alert>
  );
}
