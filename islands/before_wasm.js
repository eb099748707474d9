// What the site's pages (islands/page.js) and the script embed on other sites' pages
// (islands/embed.js) both do before any wasm arrives, written once: the build puts this file in
// front of each of them (scripts/post_build.py, scripts/build_bundles), in their scope.

// Whether the island at `root` runs: until then, these scripts carry what it will do.
const islandReady = (root) => root.dataset.state === 'ready';

// Runs `hydrate(root)` for the island at `root`, once. data-state says how far it has come:
// loading, then ready (the island runs) or failed (it stays as built).
const islandHydrate = (root, hydrate) => {
  root.hydrated ??= (async () => {
    root.dataset.state = 'loading';
    try {
      await hydrate(root);
      root.dataset.state = 'ready';
    } catch (error) {
      root.dataset.state = 'failed';
      console.warn('Broadsheet: this part of the page cannot be updated:', error);
    }
  })();
  return root.hydrated;
};

// A loader of wasm-bindgen bundles: each (its glue at `js`, its wasm at `wasm`) is loaded once.
const bundleLoader = () => {
  const loaded = {};
  return (js, wasm) => (loaded[js] ??= import(js).then(async (module) => {
    await module.default({ module_or_path: wasm });
    return module;
  }));
};

// Two JSON texts with the same data (a text that is no JSON stands for itself).
const sameJson = (one, other) => {
  const normal = (text) => { try { return JSON.stringify(JSON.parse(text)); } catch { return text; } };
  return normal(one) === normal(other);
};

// Pause and Play, for a click on the ticker's button, until its island runs.
const tickerToggle = (event) => {
  const toggle = event.target.closest?.('.ticker-toggle');
  const root = toggle?.closest('[data-island=ticker]');
  if (!root || islandReady(root)) return;
  toggle.textContent = root.querySelector('.ticker').classList.toggle('paused') ? toggle.dataset.play : toggle.dataset.pause;
};

// Sets the ticker of the island at `root` moving, and calls `due` once its headlines are due to be
// read again: after its refresh interval, or when the tab comes back; never while nobody sees it,
// nor once it is taken off the page.
const tickerStart = (root, due) => {
  const ticker = root.querySelector('.ticker');
  const track = ticker?.querySelector('.ticker-track');
  if (!track) return;
  // The stylesheet works out the loop's duration from these (style/ticker.css).
  track.style.setProperty('--ticker-width', Math.round(track.firstElementChild.getBoundingClientRect().width));
  track.style.setProperty('--ticker-speed', ticker.dataset.speed);
  track.classList.add('running');
  let onScreen = true;
  const seen = new IntersectionObserver((entries) => { onScreen = entries.at(-1).isIntersecting; });
  seen.observe(ticker);
  const stop = () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', check);
    seen.disconnect();
  };
  const check = () => {
    if (!root.isConnected) return stop();
    if (document.hidden || !onScreen) return;
    stop();
    due();
  };
  const timer = setInterval(check, Number(ticker.dataset.refresh) * 1000);
  document.addEventListener('visibilitychange', check);
};
