import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import type { Producer, ProducerRequest } from './api';

// The producer writes a specialist must be able to make offline. Each is one function so the lead can route it through
// the offline queue (useFieldWrite) without touching the pages: entity { kind: 'producer', id }.

/** POST /api/producers: registers a producer and answers them as stored. */
export async function registerProducer(body: ProducerRequest): Promise<Producer> {
  return orThrow(await api.POST('/api/producers', { body }));
}

/**
 * PUT /api/producers/{id} with `If-Match: "<version>"`: a producer changed by someone else since `version` was read
 * answers 412 (a ProblemError with status 412), and nothing is overwritten.
 */
export async function updateProducer(id: string, body: ProducerRequest, version: string): Promise<Producer> {
  return orThrow(await api.PUT('/api/producers/{id}', { params: { path: { id } }, headers: { 'If-Match': `"${version}"` }, body }));
}
