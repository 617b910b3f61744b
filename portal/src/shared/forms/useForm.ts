import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ProblemError, inLanguage } from '../api/problem';
import { useErrorMessage } from '../ui/States';

type Errors<T> = Partial<Record<keyof T & string, string>>;

interface FormOptions<Values extends Record<string, unknown>, Output> {
  schema: z.ZodType<Output, Values>;
  initial: Values;
  /**
   * Where the draft is kept in this tab (sessionStorage) while the user types, so a session that expires meanwhile
   * costs nothing: the user signs in again and finds the form as they left it. Omit for forms with secrets.
   */
  draftKey?: string;
  onSubmit: (values: Output) => Promise<void>;
}

function readDraft<T>(key: string | undefined): T | undefined {
  if (!key) return undefined;
  try {
    const text = sessionStorage.getItem(`redes.draft.${key}`);
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One form: values, validation by its zod schema (messages are translation keys), the server's field errors from a
 * validation problem, and a general error for the rest.
 */
export function useForm<Values extends Record<string, unknown>, Output>({ schema, initial, draftKey, onSubmit }: FormOptions<Values, Output>) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const [values, setValues] = useState<Values>(() => ({ ...initial, ...readDraft<Values>(draftKey) }));
  const [errors, setErrors] = useState<Errors<Values>>({});
  const [failure, setFailure] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    if (!draftKey) return;
    try {
      sessionStorage.setItem(`redes.draft.${draftKey}`, JSON.stringify(values));
    } catch {
      // Storage full or refused: the form still works, only the draft is not kept.
    }
  }, [draftKey, values]);

  function set<K extends keyof Values & string>(field: K, value: Values[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  }

  function clearDraft() {
    if (draftKey) sessionStorage.removeItem(`redes.draft.${draftKey}`);
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const found: Errors<Values> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]) as keyof Values & string;
        found[field] ??= t(issue.message, { defaultValue: issue.message });
      }
      setErrors(found);
      focusFirstInvalid(event.currentTarget as HTMLFormElement);
      return;
    }
    setSubmitting(true);
    try {
      await onSubmit(parsed.data);
      clearDraft();
    } catch (error) {
      const serverErrors = serverFieldErrors<Values>(error, Object.keys(values), i18n.language);
      if (Object.keys(serverErrors).length > 0) setErrors(serverErrors);
      else setFailure(message(error));
    } finally {
      setSubmitting(false);
    }
  }

  return { values, set, errors, failure, submitting, handleSubmit, clearDraft };
}

function serverFieldErrors<T>(error: unknown, fields: string[], language: string): Errors<T> {
  if (!(error instanceof ProblemError)) return {};
  const found: Record<string, string> = {};
  for (const field of fields) {
    const [first] = error.fieldErrors(field);
    if (first) found[field] = inLanguage(first, language) ?? first;
  }
  return found as Errors<T>;
}

function focusFirstInvalid(form: HTMLFormElement) {
  // After React renders the errors.
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
