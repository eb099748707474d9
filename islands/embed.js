// <broadsheet-ticker src="https://SITE/">: Broadsheet's news ticker on any page, in a shadow root
// that the page's CSS cannot reach. Load this file as a module from the Broadsheet site:
//   <script type="module" src="https://SITE/embed/ticker.js"></script>
// It draws the ticker island of the site's own pages, the same component, from a bundle built
// without hydration's code (ticker-draw.js and its wasm, beside this file): it reads the site's
// config.json and headlines and draws the ticker into the element.
import init, { embed } from './ticker-draw.js';

const ready = init();

class BroadsheetTicker extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    ready.then(
      () => embed(this, root),
      (error) => { root.textContent = `The news ticker cannot be shown: ${error}`; },
    );
  }
}

if (!customElements.get('broadsheet-ticker')) customElements.define('broadsheet-ticker', BroadsheetTicker);
