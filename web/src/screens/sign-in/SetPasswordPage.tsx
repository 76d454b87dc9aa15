import { PageHeading } from '../../components/PageHeading';
import { signIn } from '../../text/sign-in';
import { SignInLayout } from './SignInLayout';

/**
 * /set-password#token=... (an invitation) and #reset=... (after a reset of the second factor):
 * placeholder; the sign-in work builds the form (read the fragment, remove it from the address
 * bar, POST /auth/invitations/accept or /auth/password-resets/complete, then enrolment).
 */
export function SetPasswordPage() {
  return (
    <SignInLayout>
      <PageHeading>{signIn.setPasswordTitle}</PageHeading>
    </SignInLayout>
  );
}
