import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { signIn } from '../../text/sign-in';

/**
 * The recovery codes, shown this once: to copy or print, then "Jeg har gemt koderne". They are
 * held in this component's state only, and gone when it is.
 */
export function RecoveryCodesShown({ codes, onSaved, doneLabel = signIn.codesSaved }: { codes: string[]; onSaved: () => void; doneLabel?: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

  return (
    <section aria-labelledby="recovery-codes-heading" className="recovery-codes">
      <h2 id="recovery-codes-heading" tabIndex={-1} ref={heading}>
        {signIn.recoveryCodesTitle}
      </h2>
      <p>{signIn.recoveryCodesIntro}</p>
      <Alert kind="warning">{signIn.recoveryCodesOnce}</Alert>
      <ol className="recovery-code-list" aria-label={signIn.recoveryCodesTitle}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="recovery-code-actions no-print">
        <Button variant="secondary" onClick={() => void copy()}>
          {signIn.copy}
        </Button>
        <Button variant="secondary" onClick={() => window.print()}>
          {signIn.print}
        </Button>
      </div>
      <p className="no-print" role="status">
        {copied === 'yes' ? signIn.copied : copied === 'no' ? signIn.copyFailed : ''}
      </p>
      <p className="no-print">
        <Button onClick={onSaved}>{doneLabel}</Button>
      </p>
    </section>
  );
}
