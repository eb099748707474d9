// The site's pages over the WordPress source: the same sample content seeded into a real
// WordPress (scripts/wordpress), read through its REST API across origins.

import { describeSite } from './site-pages.mjs';
import { startWordPressSite } from './support.mjs';

describeSite({
  name: 'WordPress',
  start: () => startWordPressSite(),
  // WordPress does not know where the front end lives: canonical URLs are the front end's own.
  canonical: (serverUrl, path) => `${serverUrl}${path}`,
  featuredImage: /^http:\/\/127\.0\.0\.1:\d+\/wp-content\/uploads\/.+\.svg$/,
  // WordPress records no language per post; the page keeps the site's and sets the direction.
  rightToLeftLanguage: 'en-GB',
});
