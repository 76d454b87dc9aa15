import type { SignInOutcome } from '../../api/session-api';
import { Alert } from '../../components/Alert';
import { signIn } from '../../text/sign-in';
import { TotpStep } from './TotpStep';

/**
 * The second step of a sign-in, by what the API offered. Extension points of the sign-in work:
 *  - `methods` includes 'passkey': a passkey button (@simplewebauthn/browser) next to the code;
 *  - a "Brug en gendannelseskode" link switching to a recovery-code form (POST /auth/mfa/recovery);
 *  - `mfa-enrolment-required`: an EnrolmentStep (TOTP with QR code and the recovery codes once, or a passkey).
 * Each calls onOutcome with signInOutcome(answer) from api/session-api.ts.
 */
export function SecondFactorStep({ outcome, onOutcome }: { outcome: Extract<SignInOutcome, { mfaToken: string }>; onOutcome: (outcome: SignInOutcome) => void }) {
  if (outcome.kind === 'mfa-enrolment-required') return <Alert kind="info">{signIn.enrolmentRequired}</Alert>;
  if (!outcome.methods.includes('totp')) return <Alert kind="info">{signIn.otherMethodsSoon}</Alert>;
  return <TotpStep mfaToken={outcome.mfaToken} onOutcome={onOutcome} />;
}
