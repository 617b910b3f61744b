import { useFieldWrite } from '../../shared/offline/fieldWrite';
import { answered, isConflict, queued } from '../../shared/offline/answer';
import type { QueuedWrite } from '../../shared/offline/queue';
import type { EvidenceType } from '../../shared/files/downsize';
import type { ChangePhaseRequest, EvidenceSummary, MonitoringRecordDto, MonitoringRequest, NetworkDetails, PhaseChangeDto, UpdateNetworkRequest } from './api';

/*
 * The writes a specialist must be able to make offline, through the offline queue (useFieldWrite): upload evidence,
 * advance a phase, record or correct monitoring, and edit a network's basics (If-Match). Online each is sent at once
 * (with an Idempotency-Key); offline, or on a dropped connection, it waits on this device and the queue sends it in
 * order when the connection returns. Each answers the server's body or `queued`, or throws the server's refusal (a
 * ProblemError: the form shows it; 412 = someone changed the record, and the write waits in /sincronizacion).
 */

export { queued };

/** A file ready to send, with the id the client chose for it (so a queued phase advance can name it). */
export interface EvidenceUpload {
  id: string;
  file: Blob;
  fileName: string;
  contentType: EvidenceType;
}

type Network = Pick<NetworkDetails, 'id' | 'name'>;
type Answer<T> = T | typeof queued;

/** "2026-11" of a period "2026-11-01" (labels name the month the same way in both languages). */
const month = (period: string) => period.slice(0, 7);

export const networkPath = (id: string) => `/api/networks/${id}`;
export const monitoringPath = (id: string, period: string) => `/api/networks/${id}/monitoring/${period}`;

export function useNetworkWrites() {
  const write = useFieldWrite();

  /**
   * PUT /api/networks/{networkId}/evidence/{evidenceId}: each file's raw bytes, in the order chosen, queued before the
   * write that names them (FIFO: the queue sends them first). A refused file stops here: the change is not sent.
   */
  async function uploadAll(network: Network, uploads: readonly EvidenceUpload[]): Promise<{ ids: string[]; waiting: boolean }> {
    let waiting = false;
    for (const upload of uploads) {
      const query = new URLSearchParams({ fileName: upload.fileName });
      const answer = answered<EvidenceSummary>(
        await write({
          method: 'PUT',
          path: `/api/networks/${network.id}/evidence/${upload.id}?${query}`,
          file: upload.file,
          fileType: upload.contentType,
          label: { key: 'offline:label.uploadEvidence', values: { fileName: upload.fileName } },
          entity: { kind: 'evidence', id: upload.id, networkId: network.id },
        }),
      );
      if (answer === queued) waiting = true;
    }
    return { ids: uploads.map((u) => u.id), waiting };
  }

  return {
    /** POST /api/networks/{id}/phase, after its evidence files. */
    async advancePhase(network: Network, body: Omit<ChangePhaseRequest, 'evidenceIds'>, uploads: readonly EvidenceUpload[]): Promise<Answer<PhaseChangeDto>> {
      const { ids } = await uploadAll(network, uploads);
      return answered<PhaseChangeDto>(
        await write({
          method: 'POST',
          path: `${networkPath(network.id)}/phase`,
          body: { ...body, evidenceIds: ids },
          label: { key: 'offline:label.advancePhase', values: { network: network.name } },
          entity: { kind: 'network', id: network.id },
        }),
      );
    },

    /** POST /api/networks/{id}/monitoring: a new month, after its evidence files. */
    async recordMonitoring(network: Network, body: Omit<MonitoringRequest, 'evidenceIds'>, uploads: readonly EvidenceUpload[]): Promise<Answer<MonitoringRecordDto>> {
      const { ids } = await uploadAll(network, uploads);
      return answered<MonitoringRecordDto>(
        await write({
          method: 'POST',
          path: `${networkPath(network.id)}/monitoring`,
          body: { ...body, evidenceIds: ids },
          label: { key: 'offline:label.recordMonitoring', values: { period: month(body.period ?? ''), network: network.name } },
          entity: { kind: 'monitoring', id: body.period ?? undefined, networkId: network.id },
        }),
      );
    },

    /** PUT /api/networks/{id}/monitoring/{period} with If-Match: a correction of the version read. */
    async correctMonitoring(
      network: Network,
      period: string,
      version: string,
      body: Omit<MonitoringRequest, 'evidenceIds'> & { evidenceIds?: string[] },
      uploads: readonly EvidenceUpload[],
    ): Promise<Answer<MonitoringRecordDto>> {
      const { ids } = await uploadAll(network, uploads);
      return answered<MonitoringRecordDto>(
        await write({
          method: 'PUT',
          path: monitoringPath(network.id, period),
          body: { ...body, evidenceIds: [...(body.evidenceIds ?? []), ...ids] },
          ifMatch: version,
          label: { key: 'offline:label.correctMonitoring', values: { period: month(period), network: network.name } },
          entity: { kind: 'monitoring', id: period, networkId: network.id },
        }),
      );
    },

    /** PUT /api/networks/{id} with If-Match: name, legal form and RUC. */
    async updateNetwork(network: Network, version: string, body: UpdateNetworkRequest): Promise<Answer<NetworkDetails>> {
      return answered<NetworkDetails>(
        await write({
          method: 'PUT',
          path: networkPath(network.id),
          body,
          ifMatch: version,
          label: { key: 'offline:label.editNetwork', values: { network: network.name } },
          entity: { kind: 'network', id: network.id },
        }),
      );
    },
  };
}

/** A 412: someone else changed the record since it was read. */
export const isStale = isConflict;

/** Every write of this network waiting on this device (its edits, phase advances, evidence, monitoring). */
export const isQueuedFor = (networkId: string) => (item: QueuedWrite) =>
  item.entity.networkId === networkId || (item.entity.kind === 'network' && item.entity.id === networkId);
