import { useState } from 'react';
import { call } from '../../api';
import { taskSubmitted } from '../../state/app-store';

type Autosave<T> = { cancel(): void; keep(draft: T): void };

/**
 * The one way every workspace submits: the answer replaces the draft (autosave cancelled), the app
 * moves on to the next task; if the submission fails the draft is saved again and the error shown.
 */
export function useSubmit<T>(taskId: string, autosave: Autosave<T>) {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (answer: unknown, draft: T) => {
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    autosave.cancel();
    try {
      taskSubmitted(await call('tasks.submit', { taskId, answer }));
    } catch (failure) {
      setError(failure);
      setSubmitting(false);
      autosave.keep(draft);
    }
  };
  return { submit, submitting, error };
}
