import { useEffect, useState } from 'react';
import { answer, api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { signIn } from '../../text/sign-in';
import { summaryOf } from './problem-summary';
import { RecoveryCodesShown } from './RecoveryCodesShown';

interface MfaStatus {
  methods: string[];
  recoveryCodesLeft: number;
}

/**
 * /mit-login: the user's second factors and recovery codes left, and new recovery codes. Making
 * new ones needs a recent sign-in (step-up): the client's step-up dialog asks for the second
 * factor when it is older, and the request goes through after it.
 */
export function SecurityPage() {
  const [status, setStatus] = useState<MfaStatus | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      setStatus((await answer(api.GET('/auth/mfa'))) as MfaStatus);
    } catch (error) {
      setProblem(summaryOf(error)[0]?.text ?? null);
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const renew = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setCodes((await answer(api.POST('/auth/mfa/recovery-codes'))).recoveryCodes);
    } catch (error) {
      setProblem(summaryOf(error)[0]?.text ?? null);
    } finally {
      setBusy(false);
    }
  };

  if (codes) {
    return (
      <>
        <PageHeading>{signIn.securityTitle}</PageHeading>
        <RecoveryCodesShown
          codes={codes}
          onSaved={() => {
            setCodes(null);
            void load();
          }}
        />
      </>
    );
  }
  return (
    <>
      <PageHeading>{signIn.securityTitle}</PageHeading>
      {problem && <Alert kind="error">{problem}</Alert>}
      {!status ? (
        !problem && <Loading />
      ) : (
        <>
          <h2>{signIn.yourFactors}</h2>
          <ul>
            {status.methods.length ? status.methods.map((method) => <li key={method}>{signIn.factorNames[method as keyof typeof signIn.factorNames] ?? method}</li>) : <li>{signIn.noFactors}</li>}
          </ul>
          <h2>{signIn.recoveryCodesSection}</h2>
          <p>{signIn.recoveryCodesLeft(status.recoveryCodesLeft)}</p>
          {status.methods.length > 0 && (
            <Button variant="secondary" busy={busy} onClick={() => void renew()}>
              {signIn.renewRecoveryCodes}
            </Button>
          )}
        </>
      )}
    </>
  );
}
