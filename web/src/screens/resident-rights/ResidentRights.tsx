import { useSession } from '../../app/session';
import { rights as text } from '../../text/resident-rights';
import { AccessLogSection } from './AccessLogSection';
import { CopySection } from './CopySection';
import { ErasureSection } from './ErasureSection';
import type { Erasure } from './rights-api';
import './resident-rights.css';

/**
 * A resident's rights on their page: the access log, the copy and erasure. The roles of the
 * compartment that owns the resident (counsellor, social worker) get all three; the leader only the
 * log, as the API allows (without the resident's name). Mount it with one line:
 * `<ResidentRights residentId={id} />`.
 */
export function ResidentRights({ residentId, onErased }: { residentId: string; onErased?: (erasure: Erasure) => void }) {
  const { me } = useSession();
  const owner = me?.role === 'counsellor' || me?.role === 'social_worker';
  return (
    <section aria-labelledby="resident-rights-heading" className="resident-rights">
      <h2 id="resident-rights-heading">{text.heading}</h2>
      <p>{owner ? text.intro : text.leaderNote}</p>
      <AccessLogSection residentId={residentId} />
      {owner && <CopySection residentId={residentId} />}
      {owner && <ErasureSection residentId={residentId} onErased={onErased} />}
    </section>
  );
}
