import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const enginePort = process.env.ENGINE_PORT ?? '3100';

/** Vendor code in its own long-cached chunks, so an app change does not re-download antd. */
const vendorGroups = [
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 4 },
  { name: 'vendor-antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/, priority: 3 },
  { name: 'vendor-rjsf', test: /node_modules[\\/](@rjsf|ajv|ajv-formats|fast-uri|json-schema-traverse|lodash|lodash-es|markdown-to-jsx)[\\/]/, priority: 2 },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
];

export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    proxy: { '/api': `http://localhost:${enginePort}` },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: { codeSplitting: { groups: vendorGroups } },
    },
  },
});
