import { ProblemError, toProblem } from '../api/problem';
import type { FieldWriteResult } from './fieldWrite';

/** A field write that waits in the queue (offline, a dropped connection, or behind earlier waiting writes). */
export const queued = 'queued' as const;

/**
 * What a page does with a field write's result: the server's body when it answered 2xx, `queued` when the write waits
 * on this device; a refusal (4xx, 412 included) is thrown as a ProblemError, so `useForm` shows it on the form exactly
 * as for a direct call (field errors beside their fields).
 */
export function answered<T>(result: FieldWriteResult): T | typeof queued {
  if (result.state === 'queued') return queued;
  if (result.status >= 200 && result.status < 300) return result.body as T;
  throw new ProblemError(toProblem(result.status, result.body));
}

/** A 412: someone else changed the record since it was read (the write also waits in /sincronizacion as a conflict). */
export const isConflict = (error: unknown) => error instanceof ProblemError && error.problem.status === 412;
