/** An RFC 7807 problem as the services answer it, with per-field errors for validation problems. */
export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }

  /** The errors of one field, whatever case the server gave its name in ("adminEmail", "AdminEmail"). */
  fieldErrors(field: string): string[] {
    const errors = this.problem.errors ?? {};
    const key = Object.keys(errors).find((k) => k.toLowerCase() === field.toLowerCase());
    return key ? (errors[key] ?? []) : [];
  }
}

/**
 * A text the services write in both languages, "English / Español" (problems; Reporting's labels are "Español /
 * English": `spanishFirst`): the part in the user's language, or the text as it is when it is not such a pair.
 */
export function inLanguage<T extends string | undefined>(text: T, language: string, { spanishFirst = false } = {}): T {
  if (!text) return text;
  const parts = text.split(' / ');
  if (parts.length !== 2) return text;
  return (language.startsWith('en') !== spanishFirst ? parts[0] : parts[1]) as T;
}

/**
 * A problem that names its `field` (409 "the e-mail exists", 422 "regions outside the institution") becomes that
 * field's error, so forms show it beside the control rather than only at the top.
 */
export function toProblem(status: number, body: unknown): Problem {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const detail = typeof b.detail === 'string' ? b.detail : undefined;
    const fieldError = typeof b.field === 'string' && detail ? { [b.field]: [detail] } : undefined;
    return {
      status,
      title: typeof b.title === 'string' ? b.title : undefined,
      detail,
      errors: isErrors(b.errors) ? b.errors : fieldError,
    };
  }
  return { status };
}

function isErrors(value: unknown): value is Record<string, string[]> {
  return !!value && typeof value === 'object' && Object.values(value).every((v) => Array.isArray(v));
}

/**
 * Unwraps an openapi-fetch result: the data, or a ProblemError that forms and error states show.
 */
export function orThrow<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  throw new ProblemError(toProblem(result.response.status, result.error));
}
