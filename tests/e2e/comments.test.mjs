// Leaving comments on an article served from the real WordPress (scripts/wordpress): each
// outcome WordPress can answer with, and a reader never losing what they typed.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  NOT_FOUND_LOG, assertClean, axeViolations, heading, openPage, startConfiguredSite, startWordPress, startWordPressSite, useSite,
  withSite, withWordPressOption, wordpress,
} from './support.mjs';

// Comments go on an article no other test counts the comments of.
const ARTICLE = 'gulls-cup-exit/';
const run = Date.now().toString(36);
let counter = 0;
/** A comment text no earlier run has sent, so WordPress never takes it for a duplicate. */
const unique = (text) => `${text} (${run}-${(counter += 1)})`;

const site = useSite(startWordPressSite);

/**
 * Opens the article, once its thread has loaded. Its address is a deep link into a site whose pages
 * are not prerendered: the host answers it with 404.html (status 404, which the browser logs as
 * NOT_FOUND_LOG), and the app draws the article.
 */
async function openArticle(options) {
  const page = await openPage(site.browser, options);
  await page.goto(`${site.server.url}${ARTICLE}`);
  await heading(page);
  await page.locator('section.comments h2').filter({ hasNotText: /^Comments$/ }).waitFor();
  return page;
}

async function fill(page, { comment, name = 'Gwen Tremayne', email = 'gwen@example.org', website = '' }) {
  await page.getByRole('textbox', { name: 'Comment', exact: true }).fill(comment);
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Website', exact: true }).fill(website);
}

const status = (page) => page.locator('.form-status');

/**
 * Sends the form, with `fields` filled in first when given (see `fill`), and when `kind` is given
 * waits until sending is over and asserts it ended so (see `outcome`).
 */
async function send(page, fields, kind) {
  if (fields) await fill(page, fields);
  await page.getByRole('button', { name: 'Post Comment' }).click();
  if (kind) await outcome(page, kind);
}

/** Waits until sending is over and asserts how it ended, naming the message if it is another. */
async function outcome(page, kind) {
  await page.waitForFunction(() => {
    const line = document.querySelector('.form-status span');
    return line && line.className !== 'status-sending';
  });
  const line = page.locator('.form-status span');
  assert.equal(await line.getAttribute('class'), `status-${kind}`, await line.textContent());
}

describe('leaving a comment', () => {
  it('posts an approved comment, which appears in place and takes focus', async () => {
    const page = await openArticle();
    assert.equal(await page.locator('#reply-title').textContent(), 'Leave a Reply');
    assert.match(await page.locator('.comment-notes').textContent(), /Your email address will not be published\. Required fields are marked \*/);
    const text = unique('Great result for the Gulls, all the same');
    await send(page, { comment: text, website: 'gwen.example' }, 'sent');
    assert.equal(await status(page).textContent(), 'Thank you. Your comment has been posted.');
    const posted = page.locator('li.comment', { hasText: text });
    assert.equal(await posted.count(), 1);
    assert.equal(await page.evaluate(() => document.activeElement.id), await posted.getAttribute('id'));
    assert.equal(await posted.locator('.comment-author a').getAttribute('href'), 'http://gwen.example');
    assert.equal(await page.getByRole('textbox', { name: 'Comment', exact: true }).inputValue(), '', 'the form is ready for the next one');
    await page.reload();
    await heading(page);
    await page.locator('li.comment', { hasText: text }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Comment', exact: true }).inputValue(), '', 'the sent draft is gone');
    await assertClean(page, NOT_FOUND_LOG);
  });

  it('lands a reply to a reply under the right parent', async () => {
    const page = await openArticle();
    const first = unique('Who scored the first goal?');
    await send(page, { comment: first });
    const parent = page.locator('li.comment', { hasText: first });
    await parent.waitFor();
    await parent.getByRole('button', { name: 'Reply to Gwen Tremayne' }).first().click();
    assert.equal(await page.locator('#reply-title').textContent(), 'Leave a Reply to Gwen Tremayne Cancel reply');
    assert.equal(await parent.locator(':scope > .comment-respond').count(), 1, 'the form moves under the comment');
    await page.waitForFunction(() => document.activeElement.id === 'comment');
    await page.getByRole('link', { name: 'Cancel reply' }).click();
    assert.equal(await page.locator('.comment-respond').count(), 1);
    assert.equal(await page.locator('section.comments > .comment-respond').count(), 1, 'and back to the end');
    assert.equal(await page.locator('#reply-title').textContent(), 'Leave a Reply');
    await parent.getByRole('button', { name: 'Reply to Gwen Tremayne' }).first().click();
    const reply = unique('Reply: it was Jago, on the volley');
    await send(page, { comment: reply, name: 'Pete Lowther', email: 'pete@example.org' });
    const child = parent.locator(':scope > ol.children > li.comment', { hasText: reply });
    await child.waitFor();
    await child.getByRole('button', { name: 'Reply to Pete Lowther' }).click();
    const deeper = unique('Reply to the reply: and a fine one');
    await page.getByRole('textbox', { name: 'Comment', exact: true }).fill(deeper);
    await send(page);
    await child.locator(':scope > ol.children > li.comment', { hasText: deeper }).waitFor();
    assert.equal(await page.locator('#reply-title').textContent(), 'Leave a Reply', 'the form is back to a new comment');
    await assertClean(page, NOT_FOUND_LOG);
  });

  it('names each problem beside its field, announces it and focuses the first', async () => {
    const page = await openArticle();
    await send(page, { comment: '', name: '', email: 'not an address', website: 'javascript://x' });
    assert.equal(await status(page).getAttribute('role'), 'status');
    assert.equal(await status(page).textContent(), 'Please correct the 4 problems marked below.');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'comment');
    for (const [id, message] of [['comment', /type your comment/], ['author', /enter your name/], ['email', /valid email/], ['url', /web address/]]) {
      const field = page.locator(`#${id}`);
      assert.equal(await field.getAttribute('aria-invalid'), 'true', id);
      assert.equal(await field.getAttribute('aria-describedby'), `${id}-error`, id);
      assert.match(await page.locator(`#${id}-error`).textContent(), message);
    }
    // A name one byte over WordPress's 245: 123 two-byte letters.
    await send(page, { comment: 'ok', name: 'é'.repeat(123) });
    assert.match(await page.locator('#author-error').textContent(), /246 bytes/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'author');
    await assertClean(page, NOT_FOUND_LOG);
  });

  it('keeps a draft through a reload, and the details when asked to', async () => {
    const page = await openArticle();
    const text = unique('Half-written thoughts on the replay');
    await page.getByRole('textbox', { name: 'Comment', exact: true }).fill(text);
    await page.reload();
    await heading(page);
    await page.locator('.comment-form').waitFor();
    await page.waitForFunction((expected) => document.querySelector('#comment')?.value === expected, text);
    await fill(page, { comment: text, name: 'Saved Reader', email: 'saved@example.org' });
    await page.getByLabel('Save my name, email, and website in this browser for the next time I comment.').check();
    await send(page, null, 'sent');
    await page.reload();
    await heading(page);
    await page.waitForFunction(() => document.querySelector('#author')?.value === 'Saved Reader');
    assert.equal(await page.getByRole('textbox', { name: 'Email', exact: true }).inputValue(), 'saved@example.org');
    assert.equal(await page.getByRole('textbox', { name: 'Comment', exact: true }).inputValue(), '');
    await assertClean(page, NOT_FOUND_LOG);
  });

  it('says a comment awaits moderation, in place and after a reload', async () => {
    await withWordPressOption('comment_moderation', '1', async () => {
      const page = await openArticle();
      const text = unique('Please check this one first');
      await send(page, { comment: text }, 'sent');
      assert.equal(await status(page).textContent(), 'Thank you. Your comment is awaiting moderation.');
      const held = page.locator('li.comment', { hasText: text });
      assert.equal(await held.locator('.moderation').textContent(), 'Your comment is awaiting moderation.');
      await page.reload();
      await heading(page);
      await page.locator('li.comment', { hasText: text }).locator('.moderation').waitFor();
      await assertClean(page, NOT_FOUND_LOG);
    });
  });

  it('tells a duplicate apart, keeping the draft', async () => {
    const page = await openArticle();
    const text = unique('Said once');
    await send(page, { comment: text }, 'sent');
    await send(page, { comment: text }, 'refused');
    assert.match(await status(page).textContent(), /already said that/);
    assert.equal(await page.getByRole('textbox', { name: 'Comment', exact: true }).inputValue(), text);
    await assertClean(page, NOT_FOUND_LOG, /status of 409/);
  });

  it('explains the flood check and lets the reader send again after 15 seconds', async () => {
    const page = await openArticle();
    await send(page, { comment: unique('First in a hurry') }, 'sent');
    // WordPress's own check from here: this address commented a moment ago.
    await withWordPressOption('broadsheet_test_flood_check', '1', async () => {
      const second = unique('Second in a hurry');
      await send(page, { comment: second }, 'waiting');
      assert.match(await status(page).textContent(), /too quickly/);
      assert.equal(await page.getByRole('button', { name: 'Post Comment' }).isDisabled(), true);
      // Real time: the wait is WordPress's, and the page's timer must run as it would.
      await page.locator('.status-failed').waitFor({ timeout: 20_000 });
      assert.equal(await page.getByRole('button', { name: 'Post Comment' }).isDisabled(), false);
      assert.equal(await page.getByRole('textbox', { name: 'Comment', exact: true }).inputValue(), second);
      await assertClean(page, NOT_FOUND_LOG, /status of 400/);
    });
  });

  it('says when the site takes comments from logged-in readers only', async () => {
    await withWordPressOption('comment_registration', '1', async () => {
      const page = await openArticle();
      const text = unique('Can I say this?');
      await send(page, { comment: text }, 'refused');
      assert.equal(await status(page).textContent(), 'This site only accepts comments from readers who are logged in to it.');
      assert.equal(await page.getByRole('textbox', { name: 'Comment', exact: true }).inputValue(), text);
      await assertClean(page, NOT_FOUND_LOG, /status of 401/);
    });
  });

  it('sends one comment for a double click', async () => {
    const page = await openArticle();
    let posts = 0;
    page.on('request', (request) => { if (request.method() === 'POST') posts += 1; });
    const text = unique('Clicked twice');
    await fill(page, { comment: text });
    await page.getByRole('button', { name: 'Post Comment' }).dblclick();
    await outcome(page, 'sent');
    assert.equal(posts, 1);
    assert.equal(await page.locator('li.comment', { hasText: text }).count(), 1);
    await assertClean(page, NOT_FOUND_LOG);
  });

  it('keeps the draft while WordPress is stopped, across a reload, and Retry sends it once it is back', async () => {
    const page = await openArticle();
    const text = unique('Sent while the server was away');
    await fill(page, { comment: text });
    try {
      wordpress('stop');
      await send(page, null, 'failed');
      assert.match(await status(page).textContent(), /was not sent.*could not be reached/s);
      assert.equal(await page.getByRole('textbox', { name: 'Comment', exact: true }).inputValue(), text);
      // A reload while it is down: the article itself cannot be had, but the draft is kept.
      await page.reload();
      assert.equal(await heading(page), 'Can’t reach the news server');
      wordpress('start');
      await page.getByRole('button', { name: 'Retry' }).click();
      await page.locator('.comment-form').waitFor();
      await page.waitForFunction((expected) => document.querySelector('#comment')?.value === expected, text);
      // The thread has loaded too, before WordPress goes away again.
      await page.locator('section.comments h2').filter({ hasNotText: /^Comments$/ }).waitFor();
      // Down again as it is sent, then back: the form's Retry sends the same draft.
      wordpress('stop');
      await send(page, null, 'failed');
      wordpress('start');
      await page.locator('.comment-form').getByRole('button', { name: 'Retry' }).click();
      await outcome(page, 'sent');
      await page.locator('li.comment', { hasText: text }).waitFor();
      await assertClean(page, NOT_FOUND_LOG, /ERR_CONNECTION_REFUSED|ERR_FAILED/);
    } finally {
      wordpress('start');
    }
  });

  it('can be completed with the keyboard alone, and axe finds nothing on the thread and form', async () => {
    const page = await openArticle();
    await page.locator('#comment').focus();
    const text = unique('Typed without a mouse');
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Key Board');
    await page.keyboard.press('Tab');
    await page.keyboard.type('keys@example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'save-details', 'the honeypot is skipped');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Post Comment');
    await page.keyboard.press('Enter');
    await page.locator('li.comment', { hasText: text }).waitFor();
    assert.deepEqual(await axeViolations(page, 'section.comments'), []);
    await assertClean(page, NOT_FOUND_LOG);
  });
});

describe('comments on the static source', () => {
  it('posts to the WordPress endpoint that config.json names, and shows the comment in place', async () => {
    const address = startWordPress();
    await withSite(() => startConfiguredSite(['--static', 'data/', '--comments', `${address}wp-json/`]), async (staticSite) => {
      const page = await openPage(site.browser);
      await page.goto(`${staticSite.url}${ARTICLE}`);
      await heading(page);
      await page.locator('.comment-form').waitFor();
      const text = unique('Posted from the static site');
      await send(page, { comment: text }, 'sent');
      await page.locator('li.comment', { hasText: text }).waitFor();
      await assertClean(page);
    });
  });

  it('shows the thread and says that comments are closed', async () => {
    await withSite({}, async (server) => {
      const page = await openPage(site.browser);
      await page.goto(`${server.url}harbour-redevelopment-explained/`);
      await heading(page);
      await page.locator('.comment-list').waitFor();
      assert.equal(await page.locator('.comments-closed').textContent(), 'Comments are closed.');
      assert.equal(await page.locator('form.comment-form').count(), 0);
      assert.equal(await page.getByRole('button', { name: /^Reply to/ }).count(), 0);
      await assertClean(page);
    });
  });
});
