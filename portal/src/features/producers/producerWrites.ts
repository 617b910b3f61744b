import { useFieldWrite } from '../../shared/offline/fieldWrite';
import { answered, queued } from '../../shared/offline/answer';
import type { QueuedWrite } from '../../shared/offline/queue';
import { fullName, type Producer, type ProducerRequest } from './api';

// The producer writes a specialist must be able to make offline, through the offline queue (useFieldWrite): sent at
// once when online (with an Idempotency-Key), otherwise kept on this device and sent in order when the connection
// returns. Each answers the server's producer, `queued`, or throws the server's refusal (a ProblemError; 412 = stale).

export { queued };

const producersPath = '/api/producers';
export const producerPath = (id: string) => `${producersPath}/${id}`;

export function useProducerWrites() {
  const write = useFieldWrite();
  return {
    /** POST /api/producers: registers a producer (the server gives the id, so it cannot be edited before it is sent). */
    register: async (body: ProducerRequest) =>
      answered<Producer>(
        await write({
          method: 'POST',
          path: producersPath,
          body,
          label: { key: 'offline:label.registerProducer', values: { name: fullName(body) } },
          entity: { kind: 'producer' },
        }),
      ),
    /**
     * PUT /api/producers/{id} with `If-Match: "<version>"`: a producer changed by someone else since `version` was read
     * answers 412 (and waits in /sincronizacion as a conflict); nothing is overwritten.
     */
    update: async (id: string, body: ProducerRequest, version: string) =>
      answered<Producer>(
        await write({
          method: 'PUT',
          path: producerPath(id),
          body,
          ifMatch: version,
          label: { key: 'offline:label.editProducer', values: { name: fullName(body) } },
          entity: { kind: 'producer', id },
        }),
      ),
  };
}

/** A registration waiting on this device (no id yet). */
export const isQueuedRegistration = (item: QueuedWrite) => item.method === 'POST' && item.path === producersPath;

/** An edit of this producer waiting on this device (pending, sending, refused or in conflict). */
export const isQueuedEditOf = (id: string) => (item: QueuedWrite) => item.method === 'PUT' && item.path === producerPath(id);
