import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

// openapi-fetch builds a Request from "/api/..."; a browser resolves that against the page, Node's Request refuses it.
const NodeRequest = globalThis.Request;
globalThis.Request = class extends NodeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' && input.startsWith('/') ? new URL(input, 'http://portal.test') : input, init);
  }
} as typeof Request;

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});
