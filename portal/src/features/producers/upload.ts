import { antiForgeryHeader } from '../../shared/api/client';
import { sessionExpired } from '../../shared/session/expiry';
import type { ImportReport } from './api';

export type ImportMode = 'valid-only' | 'all-or-nothing';
export type UbigeoCodes = 'auto' | 'inei' | 'reniec';

export interface ImportOptions {
  mode: ImportMode;
  dryRun: boolean;
  ubigeoCodes: UbigeoCodes;
}

export interface UploadAnswer {
  status: number;
  body: unknown;
}

/** The report when the server answered one (200, or 422 for an all-or-nothing import that wrote nothing). */
export function reportOf(answer: UploadAnswer): ImportReport | undefined {
  return (answer.status === 200 || answer.status === 422) && answer.body && typeof answer.body === 'object' && 'errors' in answer.body
    ? (answer.body as ImportReport)
    : undefined;
}

/**
 * POST /api/producers/import as multipart with the file, through XMLHttpRequest because fetch cannot report how much
 * of a request body has been sent: `onProgress` gets the share sent (0 to 1). Same rules as the typed client: the
 * session cookie, X-CSRF, and a 401 reported as an expired session.
 */
export function uploadImport(file: File, options: ImportOptions, onProgress: (share: number) => void): Promise<UploadAnswer> {
  const query = new URLSearchParams({ mode: options.mode, dryRun: String(options.dryRun), ubigeoCodes: options.ubigeoCodes });
  const body = new FormData();
  body.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/producers/import?${query}`);
    request.withCredentials = true;
    request.setRequestHeader(antiForgeryHeader.name, antiForgeryHeader.value);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status === 401) sessionExpired();
      let parsed: unknown;
      try {
        parsed = request.responseText ? JSON.parse(request.responseText) : undefined;
      } catch {
        parsed = undefined;
      }
      onProgress(1);
      resolve({ status: request.status, body: parsed });
    };
    request.onerror = () => reject(new TypeError('network error'));
    request.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    request.send(body);
  });
}

/** The import's columns (Networks' ImportColumns), for a template the user fills in: a CSV header in UTF-8. */
export const templateColumns = ['dni', 'first_names', 'last_names', 'gender', 'birth_year', 'ubigeo', 'phone', 'consent', 'consent_date'] as const;

export const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${templateColumns.join(',')}\r\n`)}`;
