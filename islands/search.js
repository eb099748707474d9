// The search page's script (src/pages/search.rs draws the page; islands/page.js loads this on that
// page only). It reads the query from the address (`?q=`), asks the site's Pagefind index
// (pagefind/, written by broadsheet-site-files) and lists what it finds. Every text it shows comes
// from the page's data- attributes. Pagefind loads only the parts of its index a query needs.
// A large site's index is written in parts (site-files/src/search_index.rs), each a Pagefind index
// of its own: the first is the index's folder, and its parts.json names the others, which are
// merged into it.

/** How many results are listed: Pagefind loads each result's fragment on its own. */
const SHOWN = 20;


/** Pagefind's excerpt, an HTML string of text and <mark>s, as nodes: the text only, and the marks. */
function excerpt(html) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstChild;
  const paragraph = document.createElement('p');
  paragraph.className = 'search-excerpt';
  for (const node of parsed.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      paragraph.append(mark);
    } else {
      paragraph.append(node.textContent);
    }
  }
  return paragraph;
}

function result(data) {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  heading.className = 'card-title';
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  item.append(heading, excerpt(data.excerpt));
  return item;
}

/**
 * Lists what the index finds for the address's query in `root`, the search page's section.
 * `counted(plurals, count)` words a count in the page's language (islands/page.js).
 */
export async function search(root, counted) {
  const texts = root.dataset;
  const status = root.querySelector('.search-status');
  const list = root.querySelector('.search-results');
  const field = root.querySelector('input[name=q]');
  const query = (new URLSearchParams(location.search).get('q') ?? '').trim();
  field.value = query;
  if (!query) {
    field.focus();
    return;
  }
  root.dataset.state = 'searching';
  status.textContent = texts.searching;
  let found;
  try {
    const index = new URL(texts.index, location.href);
    const [pagefind, parts] = await Promise.all([
      import(new URL('pagefind.js', index).href),
      fetch(new URL('parts.json', index)).then((response) => {
        if (!response.ok) throw new Error(`parts.json: ${response.status}`);
        return response.json();
      }),
    ]);
    // Result URLs are paths within the indexed folder: the site's, wherever it is deployed.
    const baseUrl = new URL('.', document.baseURI).pathname;
    await pagefind.options({ baseUrl });
    for (const part of parts.parts) await pagefind.mergeIndex(new URL(part, index).pathname, { baseUrl });
    found = await pagefind.search(query);
    found = { count: found.results.length, shown: await Promise.all(found.results.slice(0, SHOWN).map((hit) => hit.data())) };
  } catch (error) {
    console.warn('Broadsheet: search failed:', error);
    root.dataset.state = 'failed';
    status.textContent = texts.failed;
    return;
  }
  list.replaceChildren(...found.shown.map(result));
  root.dataset.state = found.count ? 'found' : 'none';
  status.textContent = (found.count ? counted(texts.results, found.count) : texts.none).replaceAll('{query}', query);
}
