import '@testing-library/jest-dom/vitest';
import { afterEach, vi } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// The default second is shorter than IndexedDB plus a few renders take on a busy two-core CI machine; a test still fails
// when what it waits for never comes, only later.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no modal dialogs: opening one marks it open, as a browser does, so its content is in the accessibility tree.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};

// Test files share their worker's page (vite.config.ts: isolate off), so what a test replaces on it is put back after
// each test: no test sees another's stubs, storage or connection state.
// This file runs again before each test file, so the page as loaded is kept from its first run.
const keptAs = Symbol.for('redes.pageAsLoaded');
const kept = globalThis as typeof globalThis & { [keptAs]?: Pick<typeof globalThis, 'fetch' | 'XMLHttpRequest'> };
const pageAsLoaded = (kept[keptAs] ??= { fetch: globalThis.fetch, XMLHttpRequest: globalThis.XMLHttpRequest });

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  Object.assign(globalThis, pageAsLoaded);
  // setOnline (shared/offline/testing.ts) shadows the page's own navigator.onLine.
  Reflect.deleteProperty(navigator, 'onLine');
});
