import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

export default defineConfig({
  // Relative asset paths: the built site works from any sub-path and inside an iframe.
  base: './',
  plugins: [react()],
  resolve: {
    // monaco-editor >= 0.56 maps deep `esm/vs/...` imports through an exports map to paths that
    // do not exist; point them at the real files (monaco-editor issue #5405).
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}$1` }],
  },
  optimizeDeps: {
    include: ['monaco-editor/editor', 'monaco-editor/features/register.all', 'monaco-yaml'],
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
  worker: { format: 'es' },
});
