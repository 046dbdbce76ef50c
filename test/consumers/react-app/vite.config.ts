import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Two pages: the React app, and the README's "Install from npm" page (npm-section.html).
export default defineConfig({
  plugins: [react()],
  build: { rollupOptions: { input: ['index.html', 'npm-section.html'] } },
});
