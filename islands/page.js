// A prerendered page's own script, inline in every page (scripts/post_build.py writes it into the
// pages' shell, and its hash into the Content-Security-Policy). The page is complete without it;
// it does at once what must work before any wasm arrives, and loads the islands' wasm (islands/)
// only when a reader needs an island:
// - the news ticker moves, and its Pause/Play button works; its island comes when the headlines are
//   due to be read again;
// - the comment form takes typing; its island comes when the form is focused or scrolled near, and
//   keeps what was typed;
// - on the search page, the search's script (islands/search.js) finds and lists the results;
// - if config.json has changed since the build, the full app draws the page from the new source;
//   otherwise the page asks its source once whether there is anything newer than the page (new
//   articles, a newer version of the article), and if so says so, with a button that shows them.
// The build puts islands/before_wasm.js in front of this file, in its scope.
(() => {
  // In the page's head: the page's parts are there once it is parsed.
  const script = document.currentScript;
  const base = document.baseURI;
  // A plural message written by the page's components (`data-plurals`: a form for each CLDR
  // category of the page's language, `{count}` for the number), for `count`, followed by `suffix`.
  const counted = (plurals, count, suffix = '') => {
    const language = document.documentElement.lang || undefined;
    const forms = JSON.parse(plurals);
    const form = forms[new Intl.PluralRules(language).select(count)] ?? forms.other;
    return form.replaceAll('{count}', `${new Intl.NumberFormat(language).format(count)}${suffix}`);
  };
  // One bundle per island (islands/ticker.js, islands/comments.js), each loaded once.
  const load = bundleLoader();
  const bundle = (kind) => load(new URL(`islands/${kind}.js`, base).href, new URL(`islands/${kind}_bg.wasm`, base));
  const hydrate = (root) => islandHydrate(root, async (island) => (await bundle(island.dataset.island)).hydrate(island));
  const ready = islandReady;

  // The full app, once: it draws the page anew.
  let appStarted = false;
  const startApp = async () => {
    if (appStarted) return;
    appStarted = true;
    try {
      const app = await import(script.dataset.appJs);
      const wasm = await app.default({ module_or_path: script.dataset.appWasm });
      window.wasmBindings = app;
      dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
    } catch (error) {
      appStarted = false;
      throw error;
    }
  };

  // Pause and Play work from the first paint, before the page is even parsed to its end (and
  // until the island runs, or the app has drawn a ticker of its own: <html data-app>).
  document.addEventListener('click', (event) => document.documentElement.dataset.app || tickerToggle(event));

  const start = () => {
    // The iframe embed's page was built with the site's ticker settings: an address that gives
    // others (?items=5) is the app's to draw.
    const settings = document.querySelector('[data-ticker-settings]')?.dataset.tickerSettings.split(' ') ?? [];
    const query = new URLSearchParams(location.search);
    if (settings.some((name) => query.has(name))) {
      // If it cannot start, the ticker as built stays.
      startApp().catch((error) => console.warn('Broadsheet: the app cannot start:', error));
      return;
    }
    const searchPage = document.querySelector('[data-search]');
    if (searchPage) {
      import(new URL('islands/search.js', base).href).then((module) => module.search(searchPage, counted)).catch((error) => {
        searchPage.dataset.state = 'failed';
        searchPage.querySelector('.search-status').textContent = searchPage.dataset.failed;
        console.warn('Broadsheet: search failed:', error);
      });
    }
    // Its island comes when the headlines are due to be read again.
    for (const root of document.querySelectorAll('[data-island=ticker]')) tickerStart(root, () => hydrate(root));

    // A thread with no form and no new comments to bring in (data-interactive absent) needs nothing.
    for (const root of document.querySelectorAll('[data-island=comments][data-interactive]')) {
      // Off in the HTML, for readers without scripts (nothing could send it): typing is kept.
      root.querySelector('.comment-fields')?.removeAttribute('disabled');
      root.addEventListener('focusin', () => hydrate(root));
      // What a reader does before the island runs is done once it does.
      root.addEventListener('submit', (event) => {
        if (ready(root)) return;
        event.preventDefault();
        hydrate(root).then(() => ready(root) && event.target.requestSubmit());
      });
      root.addEventListener('click', (event) => {
        const control = event.target.closest('button:not([type=submit])');
        if (!control || ready(root)) return;
        event.preventDefault();
        hydrate(root).then(() => ready(root) && control.click());
      });
      // Scrolled to within half a screen of the form: a reader on their way to it. Not merely in
      // view when the page opens, which would load the island for every reader of a short article.
      const form = root.querySelector('.comment-respond') ?? root;
      const near = new IntersectionObserver((entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        near.disconnect();
        hydrate(root);
      }, { rootMargin: '0px 0px 50% 0px' });
      addEventListener('scroll', () => near.observe(form), { once: true, passive: true });
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();

  // The check the page's notice carries (src/source/newer.rs writes it): how many articles are
  // newer than the page, and whether that is only the least there are.
  const time = (text) => Date.parse(/(z|[+-]\d\d:\d\d)$/i.test(text) ? text : `${text}Z`);
  const count = async (check) => {
    const since = check.since ? time(check.since) : -Infinity;
    const response = await fetch(new URL(check.url, base), { cache: 'no-cache', signal: AbortSignal.timeout(10000) });
    if (!response.ok) throw new Error(`${check.url}: ${response.status}`);
    // WordPress counts the posts published since.
    if (check.check === 'total') return [Number(response.headers.get('X-WP-Total'))];
    const answer = await response.json();
    if (check.check === 'modified') return [+(time(answer[0].modified_gmt) > since)];
    // The site's latest.json.
    if (check.article) {
      const entry = answer.articles.find((article) => article.slug === check.article);
      return [+(time(entry?.modified ?? entry?.published) > since)];
    }
    const newer = answer.articles.filter((article) => time(article.published) > since
      && (!check.tag || article.tags.includes(check.tag)) && (!check.section || article.sections?.includes(check.section))
      && (!check.author || article.author === check.author));
    // It lists the latest changes only: older than those, there may be more.
    return [newer.length, answer.listed_since && time(answer.listed_since) > since];
  };
  // The notice is fixed to the window's bottom (style/main.css): nothing moves when it fills in.
  // A failure (offline, an error, damaged data, a time-out) leaves the page as it is, complete.
  const checkNewer = () => {
    for (const notice of document.querySelectorAll('.newer-notice:not([data-state])')) {
      notice.dataset.state = 'checking';
      count(notice.dataset).then(([newer, atLeast]) => {
        if (!(newer > 0)) {
          notice.dataset.state = 'current';
          return;
        }
        const forms = notice.dataset;
        notice.querySelector('.newer-notice-text').textContent = counted(forms.plurals, newer, atLeast ? '+' : '');
        const button = notice.querySelector('.newer-notice-show');
        button.hidden = false;
        notice.dataset.state = 'newer';
        // Static pages are written with latest.json, so the host has them; a live source's newer
        // content is drawn by the app until the next build brings the pages up to date.
        button.addEventListener('click', () => {
          if (forms.show !== 'app') return location.reload();
          button.disabled = true;
          startApp().catch(() => { button.disabled = false; });
        });
      }).catch(() => { notice.dataset.state = 'failed'; });
    }
  };
  addEventListener('load', async () => {
    if (appStarted) return;
    const answers = document.getElementById('broadsheet-answers');
    const built = JSON.parse(answers.textContent).find((answer) => answer.url === 'config.json');
    let now;
    try {
      const response = await fetch(new URL('config.json', base));
      now = response.ok ? await response.text() : `${response.status}`;
    } catch {
      // Unreachable just now: the page as built is the best there is.
      now = built.body;
    }
    if (!sameJson(now, built.body)) return startApp();
    document.documentElement.dataset.page = 'prerendered';
    // A page prerendered by the speculation rules asks once it is shown; one restored from the
    // back/forward cache, again.
    if (document.prerendering) document.addEventListener('prerenderingchange', checkNewer, { once: true });
    else checkNewer();
    addEventListener('pageshow', (event) => {
      if (!event.persisted) return;
      for (const notice of document.querySelectorAll('.newer-notice[data-state=current], .newer-notice[data-state=failed]')) delete notice.dataset.state;
      checkNewer();
    });
  }, { once: true });
})();
