// <broadsheet-ticker src="https://SITE/">: Broadsheet's news ticker on any page, in a shadow root
// that the page's CSS cannot reach. Load this file as a module from the Broadsheet site:
//   <script type="module" src="https://SITE/embed/ticker.js"></script>
// The wasm beside it (ticker-embed_bg.wasm) reads the site's config.json and headlines.
import init, { mount } from './ticker-embed.js';

const ready = init();

class BroadsheetTicker extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    ready.then(
      () => mount(this, root),
      (error) => { root.textContent = `The news ticker cannot be shown: ${error}`; },
    );
  }
}

if (!customElements.get('broadsheet-ticker')) customElements.define('broadsheet-ticker', BroadsheetTicker);
