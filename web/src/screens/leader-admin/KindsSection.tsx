import { PlanWordsSection } from '../../components/PlanWordsSection';
import { leaderAdmin } from '../../text/leader-admin';
import { addActivityKind, failureText, type ActivityKind } from './leader-admin-api';

/** The built-in kinds and the plan's own, and the form for one more (a social caretaker, a homework café). */
export function KindsSection({ kinds, onAdded }: { kinds: ActivityKind[]; onAdded: (kind: ActivityKind) => void }) {
  return <PlanWordsSection idPrefix="kind" text={leaderAdmin.activities.kinds} words={kinds} add={addActivityKind} onAdded={onAdded} failureText={failureText} />;
}
