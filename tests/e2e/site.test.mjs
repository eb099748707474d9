// The site's pages over the static source: the sample JSON files shipped in dist/data/, as the
// prerendered pages a reader gets, and as the full app draws them (for what was not prerendered, or
// a config.json changed since the build).

import { describeSite } from './site-pages.mjs';
import { NOT_FOUND_LOG, startServer } from './support.mjs';

const staticFiles = {
  // site.json names the public address.
  canonical: (_serverUrl, path) => `https://herald.example/${path}`,
  featuredImage: /\/data\/media\/images\/.+\.svg$/,
  rightToLeftLanguage: 'ar',
};

describeSite({ ...staticFiles, name: 'static files, prerendered', start: () => startServer(), prerendered: true });

describeSite({
  ...staticFiles,
  name: 'static files, drawn by the app',
  start: () => startServer({ config: 'client-rendered.json' }),
  // An article without comments has no comments file.
  noneLogs: [NOT_FOUND_LOG],
});
