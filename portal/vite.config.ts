import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The gateway serves dist/ at / on the same origin as the API; `npm run dev` proxies the API to a local stack.
const gateway = process.env.REDES_GATEWAY ?? 'http://127.0.0.1:5100';

export default defineConfig({
  plugins: [react()],
  build: {
    // No inline scripts or styles: the gateway's CSP is default-src 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    proxy: Object.fromEntries(['/api', '/bff', '/connect', '/.well-known'].map((path) => [path, gateway])),
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    css: false,
  },
});
