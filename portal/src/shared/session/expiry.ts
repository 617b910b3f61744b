// A 401 from the gateway means the session is over (expired or revoked). Pages keep what the user typed in their
// drafts (shared/forms), and the layout asks the user to sign in again, coming back to the same page.
type Listener = () => void;
const listeners = new Set<Listener>();

export function sessionExpired(): void {
  listeners.forEach((listener) => listener());
}

export function onSessionExpired(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
