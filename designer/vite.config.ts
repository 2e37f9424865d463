import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the engine under /designer/.
export default defineConfig({
  base: '/designer/',
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
