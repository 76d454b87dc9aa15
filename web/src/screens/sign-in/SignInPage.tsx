import { SignInFlow } from './SignInFlow';

/** /log-ind: the password (or a single sign-on button), then the second step the API asks for. */
export function SignInPage() {
  return <SignInFlow />;
}
