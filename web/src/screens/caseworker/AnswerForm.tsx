import { type FormEvent, useId, useState } from 'react';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { caseworker } from '../../text/caseworker';
import { answerReferral, failureText, type Referral } from './caseworker-api';

export type Answer = 'accepted' | 'rejected' | 'completed';

const TEXT = { accepted: caseworker.referral.accept, rejected: caseworker.referral.reject, completed: caseworker.referral.complete };
/** A rejection says why, and a completion what came of it; accepting needs no words. */
const NOTE_REQUIRED: Record<Answer, boolean> = { accepted: false, rejected: true, completed: true };
const NOTE_MAX = 1000;

/** One answer to a referral, with its note; sends the version read, so someone else's change in between is refused, not overwritten. */
export function AnswerForm({ referral, answer, onAnswered }: { referral: Referral; answer: Answer; onAnswered: (next: Referral, message: string) => void }) {
  const text = TEXT[answer];
  const noteId = `${useId()}-note`.replace(/:/g, '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = note.trim();
    const problems: SummaryItem[] = [];
    if (NOTE_REQUIRED[answer] && !trimmed && 'required' in text) problems.push({ fieldId: noteId, text: text.required });
    if (trimmed.length > NOTE_MAX) problems.push({ fieldId: noteId, text: caseworker.referral.noteTooLong });
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      const next = await answerReferral(referral.id, { status: answer, version: referral.version, ...(trimmed ? { note: trimmed } : {}) });
      onAnswered(next, text.done);
    } catch (error) {
      setErrors([{ text: failureText(error) }]);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = errors.find((e) => e.fieldId === noteId)?.text;
  const hintId = `${noteId}-hint`;
  const errorId = `${noteId}-error`;
  return (
    <form className="answer-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend className="h3">{text.legend}</legend>
        <ErrorSummary items={errors} />
        <div className={`form-group${fieldError ? ' form-error' : ''}`}>
          <label className="form-label" htmlFor={noteId}>
            {text.noteLabel}
          </label>
          <span className="form-hint" id={hintId}>
            {text.noteHint}
          </span>
          {fieldError && (
            <span className="form-error-message" id={errorId}>
              {fieldError}
            </span>
          )}
          <textarea
            className="form-input"
            id={noteId}
            rows={4}
            value={note}
            required={NOTE_REQUIRED[answer]}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={[hintId, fieldError ? errorId : ''].filter(Boolean).join(' ')}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <Button type="submit" variant={answer === 'rejected' ? 'secondary' : 'primary'} busy={busy}>
          {text.submit}
        </Button>
      </fieldset>
    </form>
  );
}
