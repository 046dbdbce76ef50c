import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      // Workspace packages resolve to their TypeScript sources.
      resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
      // Legacy decorators, as in tsconfig.json (Storybook would otherwise ship them untransformed).
      esbuild: {
        target: 'es2022',
        tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
      },
      build: { chunkSizeWarningLimit: 2000 },
    });
  },
};
export default config;
