import { api, send } from '../../shared/api/client';
import { ProblemError, orThrow, toProblem } from '../../shared/api/problem';
import type { EvidenceType } from '../../shared/files/downsize';
import type { ChangePhaseRequest, EvidenceSummary, MonitoringRequest, UpdateNetworkRequest } from './api';

/*
 * The writes a specialist must be able to make offline, each in one small function, so that the offline queue
 * (useFieldWrite) can take them over in one place: upload evidence, advance a phase, record or correct monitoring,
 * and edit a network's basics (If-Match).
 */

/** A file ready to send, with the id the client chose for it (so a queued phase advance can name it). */
export interface EvidenceUpload {
  id: string;
  file: Blob;
  fileName: string;
  contentType: EvidenceType;
}

/** `If-Match: "<version>"` as the contract writes it. */
export const ifMatch = (version: string) => `"${version.replace(/^"|"$/g, '')}"`;

/** PUT /api/networks/{networkId}/evidence/{evidenceId}: the raw bytes (201, or 200 when sent again). */
export async function uploadEvidence(networkId: string, upload: EvidenceUpload): Promise<EvidenceSummary> {
  const query = new URLSearchParams({ fileName: upload.fileName });
  const response = await send(`/api/networks/${networkId}/evidence/${upload.id}?${query}`, {
    method: 'PUT',
    headers: { 'Content-Type': upload.contentType },
    // The bytes themselves (at most 5 MB), which every fetch implementation sends as they are.
    body: await upload.file.arrayBuffer(),
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ProblemError(toProblem(response.status, body));
  return body as EvidenceSummary;
}

/** Uploads the files one after the other, in the order chosen; their ids, for the write that refers to them. */
export async function uploadAll(networkId: string, uploads: readonly EvidenceUpload[]): Promise<string[]> {
  for (const upload of uploads) await uploadEvidence(networkId, upload);
  return uploads.map((u) => u.id);
}

/** POST /api/networks/{id}/phase, after its evidence files. */
export async function advancePhase(networkId: string, body: Omit<ChangePhaseRequest, 'evidenceIds'>, uploads: readonly EvidenceUpload[]) {
  const evidenceIds = await uploadAll(networkId, uploads);
  return orThrow(await api.POST('/api/networks/{id}/phase', { params: { path: { id: networkId } }, body: { ...body, evidenceIds } }));
}

/** POST /api/networks/{id}/monitoring: a new month, after its evidence files. */
export async function recordMonitoring(networkId: string, body: Omit<MonitoringRequest, 'evidenceIds'>, uploads: readonly EvidenceUpload[]) {
  const evidenceIds = await uploadAll(networkId, uploads);
  return orThrow(await api.POST('/api/networks/{id}/monitoring', { params: { path: { id: networkId } }, body: { ...body, evidenceIds } }));
}

/** PUT /api/networks/{id}/monitoring/{period} with If-Match: a correction of the version read. */
export async function correctMonitoring(
  networkId: string,
  period: string,
  version: string,
  body: Omit<MonitoringRequest, 'evidenceIds'> & { evidenceIds?: string[] },
  uploads: readonly EvidenceUpload[],
) {
  const added = await uploadAll(networkId, uploads);
  const evidenceIds = [...(body.evidenceIds ?? []), ...added];
  return orThrow(
    await api.PUT('/api/networks/{id}/monitoring/{period}', {
      params: { path: { id: networkId, period } },
      // The service reads If-Match itself; its OpenAPI document does not declare the header.
      headers: { 'If-Match': ifMatch(version) },
      body: { ...body, evidenceIds },
    }),
  );
}

/** PUT /api/networks/{id} with If-Match: name, legal form and RUC. */
export async function updateNetwork(networkId: string, version: string, body: UpdateNetworkRequest) {
  return orThrow(
    await api.PUT('/api/networks/{id}', { params: { path: { id: networkId } }, headers: { 'If-Match': ifMatch(version) }, body }),
  );
}

/** A 412: someone else changed the record since it was read. */
export const isStale = (error: unknown) => error instanceof ProblemError && error.problem.status === 412;
