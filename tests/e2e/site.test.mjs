// The site's pages over the static source: the sample JSON files shipped in dist/data/.

import { describeSite } from './site-pages.mjs';
import { startServer } from './support.mjs';

describeSite({
  name: 'static files',
  start: () => startServer(),
  // site.json names the public address.
  canonical: (_serverUrl, path) => `https://herald.example/${path}`,
  featuredImage: /\/data\/media\/images\/.+\.svg$/,
  rightToLeftLanguage: 'ar',
});
