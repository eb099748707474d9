// <broadsheet-ticker src="https://SITE/">: Broadsheet's news ticker on any page, in a shadow root
// that the page's CSS cannot reach. Load this file as a module from the Broadsheet site:
//   <script type="module" src="https://SITE/embed/ticker.js"></script>
// The build puts islands/before_wasm.js in front of this file, in its scope (scripts/build_bundles).
//
// It is the ticker island of the site's own pages, shown as they show it: the site builds it for
// embedding (embed/ticker.json: the island's HTML, with the answers it was drawn from), and this
// script shows it at once, moving, with its Pause/Play button, and no wasm. When its headlines are
// due to be read again, the ticker island's bundle (islands/ticker.js and its wasm) hydrates it.
// That bundle draws the ticker at once instead where the built one would be wrong: for an element
// whose attributes change what the ticker shows, for a site whose config.json changed since the
// build, and for a site that built none.

const load = bundleLoader();
const bundle = () => load(new URL('../islands/ticker.js', import.meta.url).href, new URL('../islands/ticker_bg.wasm', import.meta.url));

// Each address read once for all the page's tickers.
const read = {};
const text = (url) => (read[url] ??= fetch(url, { signal: AbortSignal.timeout(10000) }).then((response) => {
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}));

// The site's address, ending in '/', from the element's src.
const siteOf = (element) => {
  const url = new URL(element.getAttribute('src') ?? '', document.baseURI);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
};

// The ticker the site built, ready to be put into a shadow root; null if there is none, or if the
// element's attributes or the site's config.json since the build would change what it shows.
const built = async (element, site) => {
  const [embed, config] = await Promise.all([
    text(new URL('embed/ticker.json', site)).then(JSON.parse).catch(() => null),
    // Unreachable just now: the ticker as built is the best there is.
    text(new URL('config.json', site)).catch(() => null),
  ]);
  if (!embed) return null;
  let wrapper;
  let changed;
  try {
    wrapper = new DOMParser().parseFromString(embed.html, 'text/html').body.firstElementChild;
    const answers = JSON.parse(wrapper.querySelector('#broadsheet-answers').textContent);
    const builtConfig = answers.find((answer) => answer.url === 'config.json').body;
    changed = embed.settings.some((name) => element.hasAttribute(name)) || (config !== null && !sameJson(config, builtConfig));
  } catch {
    // Not as this script expects it (damaged, or from another version): drawn instead.
    return null;
  }
  if (changed) return { language: wrapper.getAttribute('lang') };
  // Its links lead from the site's host's root; here they must name the site.
  for (const link of wrapper.querySelectorAll('a[href]')) link.href = new URL(link.getAttribute('href'), site).href;
  return { wrapper };
};

class BroadsheetTicker extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    this.show(root).catch((error) => { root.textContent = `The news ticker cannot be shown: ${error.message ?? error}`; });
  }

  async show(root) {
    const site = siteOf(this);
    const [style, ticker] = await Promise.all([text(new URL('ticker.css', import.meta.url)), built(this, site)]);
    // A constructed stylesheet: no <style> element, which the host page's CSP might refuse.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(style);
    root.adoptedStyleSheets = [sheet];
    if (!ticker?.wrapper) return (await bundle()).embed(this, root, ticker?.language ?? undefined);
    root.addEventListener('click', tickerToggle);
    root.replaceChildren(ticker.wrapper);
    const island = root.querySelector('[data-island=ticker]');
    tickerStart(island, () => islandHydrate(island, async () => (await bundle()).hydrate(island, site)));
  }
}

if (!customElements.get('broadsheet-ticker')) customElements.define('broadsheet-ticker', BroadsheetTicker);
