/// <reference lib="dom" />
/**
 * The reviewers' admin page: sign in, the queue (leased claim by claim, refreshing itself), one
 * claim with its sentence, evidence in context, history and verdict form, the whole article with
 * bulk triage, undo, the counts, in English, Arabic or Vietnamese. Plain DOM. Article text
 * reaches the page only through text nodes (textContent, append(string)), never as markup.
 */
import {
  ApiFailure,
  type Credentials,
  fetchArticleView,
  fetchClaim,
  fetchClaimReview,
  fetchCounts,
  fetchExport,
  fetchMessages,
  fetchQueue,
  fetchSources,
  postBulk,
  postLease,
  postReview,
  postUndo,
  type QueueQuery,
  Refused,
  releaseLease,
  ReviewedMeanwhile,
  SignInRequired,
} from './api';
import { type ClaimDetail, type ClaimRecord, type Corroboration, CLAIM_STATUSES, CORROBORATIONS, type HistoryEntry, isUndo, type LinkContext, type ReviewEntry, type Verdict, VERDICTS } from '../schemas/article';
import type { ArticleView, Counts, Lease } from '../schemas/review';
import { undoneVersions, verdictInForce } from '../pipeline/history';
import { currentLanguage, formatDate, isUiLanguage, locale, t, type UiLanguage, useMessages } from './i18n';
import type { MessageKey } from './i18n/en';
import {
  describeValue,
  heldByOther,
  type KeyTarget,
  laterReport,
  linkReasons,
  markClaims,
  parseSourceUrls,
  queueCounts,
  safeHref,
  SHORTCUTS,
  shortcutOf,
  splitSentence,
  VERDICT_KEYS,
} from './view';

const STORAGE_KEY = 'factcheck.review.credentials';
const LANGUAGE_KEY = 'factcheck.review.language';
/** How often the queue refreshes itself (and the reviewer's lease is renewed). */
const REFRESH_MS = 15_000;
/** As on the server: a verdict can be taken back this long after it was given. */
const UNDO_MS = 5 * 60_000;
/** Queue pages read in a row, without asking, while a filter finds nothing yet. */
const AUTO_SEARCH_PAGES = 20;

type Child = Node | string | null | undefined | false;

/** An element with attributes and children; strings become text nodes. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}

const ui = {
  language: byId<HTMLSelectElement>('ui-language'),
  account: byId('account'),
  reviewerName: byId('reviewer-name'),
  queue: byId('queue'),
  filters: byId<HTMLFormElement>('filters'),
  sourceFilter: byId<HTMLSelectElement>('f-source'),
  reviewerList: byId('reviewer-list'),
  articleFilter: byId('article-filter'),
  articleFilterText: byId('article-filter-text'),
  counts: byId('queue-counts'),
  countsPanel: byId('counts'),
  countsBody: byId('counts-body'),
  list: byId<HTMLOListElement>('queue-list'),
  more: byId<HTMLButtonElement>('more'),
  signIn: byId('sign-in'),
  signInForm: byId<HTMLFormElement>('sign-in-form'),
  signInMessage: byId('sign-in-message'),
  status: byId('status'),
  toast: byId('toast'),
  banner: byId('banner'),
  claim: byId('claim'),
  help: byId<HTMLDialogElement>('help'),
};

/** A message about the claim on screen, shown above its verdict form until another claim is opened. */
type Notice =
  | { kind: 'conflict'; entry: ReviewEntry | undefined }
  | { kind: 'issues'; message: string; issues: readonly { path: string; message: string }[] }
  | { kind: 'error'; message: string }
  | { kind: 'held'; by: string; until: string };

interface Draft {
  verdict: string;
  note: string;
  urls: string;
}

const state = {
  creds: null as Credentials | null,
  items: [] as ClaimRecord[],
  nextCursor: null as string | null,
  /** Pages read in a row that found nothing yet (a narrow filter). */
  searching: false,
  selectedId: null as string | null,
  /** Whether the reviewer chose the claim on screen (a click, the address, Back) rather than the queue. */
  pinned: false,
  detail: null as ClaimDetail | null,
  notice: null as Notice | null,
  submitting: false,
  /** Bumped by every queue load and claim load, so that a late answer does not overwrite a newer one. */
  queueLoad: 0,
  claimLoad: 0,
  /** What the reviewer had started on each claim: kept across queue refreshes and filter changes. */
  drafts: new Map<string, Draft>(),
  /** The claim this reviewer holds a lease on. */
  leased: null as string | null,
  /** The reviewer's last verdict, which `z` takes back. */
  lastVerdict: null as { id: string; version: number; text: string; at: number } | null,
  article: null as ArticleView | null,
  /** Article titles seen, for the article filter's label. */
  titles: new Map<string, string>(),
  sources: new Map<string, string>(),
  counts: null as Counts | null,
};

// ---------------------------------------------------------------- language

const versions = new Map(
  (document.querySelector<HTMLMetaElement>('meta[name="i18n-versions"]')?.content ?? '')
    .split(',')
    .map((pair) => pair.split(':') as [string, string])
    .filter((pair) => pair.length === 2),
);

function initialLanguage(): UiLanguage {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  if (isUiLanguage(saved)) return saved;
  const preferred = navigator.language.slice(0, 2);
  return isUiLanguage(preferred) ? preferred : 'en';
}

/** Switches the whole page to a language (mirrored for Arabic) and remembers the choice; English if its labels cannot be had. */
async function setLanguage(lang: UiLanguage): Promise<void> {
  const loaded = await fetchMessages(lang, versions.get(lang) ?? '');
  if (loaded) useMessages(lang, loaded);
  else if (lang !== 'en') return setLanguage('en');
  localStorage.setItem(LANGUAGE_KEY, currentLanguage());
  document.documentElement.lang = currentLanguage();
  document.documentElement.dir = currentLanguage() === 'ar' ? 'rtl' : 'ltr';
  document.title = t('page.title');
  ui.language.value = currentLanguage();
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) el.textContent = t(el.dataset.t as MessageKey);
  if (state.creds) {
    renderQueue();
    renderCounts();
    if (state.article) renderArticle();
    else if (state.detail) renderClaim();
    else if (!state.selectedId) showEmpty();
  }
  if (ui.help.open) fillHelp();
}

ui.language.addEventListener('change', () => {
  if (isUiLanguage(ui.language.value)) void setLanguage(ui.language.value);
});

// ---------------------------------------------------------------- sign in

function readCredentials(): Credentials | null {
  try {
    const raw: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    if (raw && typeof raw === 'object' && 'token' in raw && 'reviewer' in raw && typeof raw.token === 'string' && typeof raw.reviewer === 'string' && raw.token && raw.reviewer) {
      return { token: raw.token, reviewer: raw.reviewer };
    }
  } catch {
    // unreadable: sign in again
  }
  return null;
}

function showSignIn(message?: string): void {
  state.creds = null;
  state.items = [];
  state.detail = null;
  state.article = null;
  state.selectedId = null;
  state.leased = null;
  state.lastVerdict = null;
  state.queueLoad++;
  state.claimLoad++;
  sessionStorage.removeItem(STORAGE_KEY);
  document.body.dataset.view = 'sign-in';
  for (const el of [ui.account, ui.queue, ui.claim, ui.banner, ui.toast]) el.hidden = true;
  ui.list.replaceChildren();
  ui.signIn.hidden = false;
  ui.signInMessage.hidden = !message;
  ui.signInMessage.textContent = message ?? '';
  const token = ui.signInForm.elements.namedItem('token') as HTMLInputElement;
  token.value = '';
  token.focus();
}

function signedIn(creds: Credentials): void {
  state.creds = creds;
  document.body.dataset.view = 'review';
  ui.signIn.hidden = true;
  ui.account.hidden = false;
  ui.queue.hidden = false;
  ui.reviewerName.textContent = creds.reviewer;
}

ui.signInForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = ui.signInForm.elements;
  const token = (form.namedItem('token') as HTMLInputElement).value.trim();
  // a name in any script: the API gets it percent-encoded
  const reviewer = (form.namedItem('reviewer') as HTMLInputElement).value.normalize('NFC').replace(/\s+/g, ' ').trim();
  const problem = !token ? t('signIn.needToken') : !reviewer ? t('signIn.needName') : /[^\u0021-\u007e]/.test(token) ? t('signIn.badToken') : '';
  if (problem) {
    ui.signInMessage.hidden = false;
    ui.signInMessage.textContent = problem;
    return;
  }
  const creds = { token, reviewer };
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(creds));
  signedIn(creds);
  void loadQueue();
});

byId('sign-out').addEventListener('click', () => {
  releaseHeld();
  showSignIn(t('signIn.signedOut'));
});

/** Every API failure goes through here: a refused token means signing in again. */
function failed(error: unknown, where: 'banner' | 'claim' = 'banner'): void {
  if (error instanceof SignInRequired) {
    showSignIn(t('signIn.refused'));
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (where === 'claim' && state.detail) {
    state.notice = { kind: 'error', message };
    showNotice();
  } else {
    ui.banner.hidden = false;
    ui.banner.className = 'notice notice-error';
    ui.banner.textContent = message;
  }
}

function announce(message: string): void {
  ui.status.textContent = message;
}

// ---------------------------------------------------------------- queue

function currentFilters(): QueueQuery {
  const data = new FormData(ui.filters);
  const get = (name: string) => String(data.get(name) ?? '').trim();
  return {
    status: get('status') || 'needs_review', corroboration: get('corroboration'), language: get('language'), kind: get('kind'), source: get('source'),
    articleId: get('articleId'), reviewer: get('reviewer'), from: get('from'), to: get('to'),
  };
}

const me = () => state.creds?.reviewer ?? '';

/**
 * Loads the queue with the filters. A narrow filter may find nothing in the part of the index
 * one request reads: the page goes on reading (a bounded number of pages, then on request) and
 * never says "nothing here" while the API says there is more.
 */
async function loadQueue(options: { append?: boolean } = {}): Promise<void> {
  const creds = state.creds;
  if (!creds) return;
  const load = ++state.queueLoad;
  const claimLoadAtStart = state.claimLoad;
  ui.queue.setAttribute('aria-busy', 'true');
  ui.more.disabled = true;
  if (!options.append) ui.counts.textContent = t('queue.loading');
  try {
    let items = options.append ? state.items : [];
    let cursor = options.append ? (state.nextCursor ?? undefined) : undefined;
    let found: ClaimRecord[] = [];
    for (let page = 0; page < AUTO_SEARCH_PAGES; page++) {
      const result = await fetchQueue(creds, { ...currentFilters(), cursor });
      if (load !== state.queueLoad) return;
      found = result.items;
      cursor = result.nextCursor ?? undefined;
      state.nextCursor = result.nextCursor;
      if (found.length > 0 || !cursor) break;
      state.searching = true;
      ui.counts.textContent = t('queue.searching');
    }
    state.searching = found.length === 0 && !!cursor && items.length === 0;
    items = [...items, ...found.filter((i) => !items.some((c) => c.id === i.id))];
    state.items = items;
    ui.banner.hidden = true;
    renderQueue();
    if (options.append) return;
    // the token works: the counts and the known sources follow
    void refreshCounts();
    void refreshSources();
    // a claim the reviewer chose (a click, the address, Back: before or during this load) stays,
    // as does one with a draft, or one still listed; the article view stays too
    const chosen = state.pinned || state.claimLoad !== claimLoadAtStart || state.article !== null;
    const kept = state.selectedId && (chosen || state.drafts.has(state.selectedId) || state.items.some((i) => i.id === state.selectedId));
    if (!kept) {
      if (state.items.length > 0) await openNextFree(0, false);
      else if (!state.searching) showEmpty();
      else showSearching();
    }
  } catch (error) {
    if (load === state.queueLoad) {
      ui.counts.textContent = t('queue.failed');
      failed(error);
    }
  } finally {
    if (load === state.queueLoad) {
      ui.queue.removeAttribute('aria-busy');
      ui.more.disabled = false;
    }
  }
}

/** Opens the first listed claim from `from` on that no other reviewer holds, leasing it; the queue's first when all are held. */
async function openNextFree(from: number, push: boolean): Promise<void> {
  for (const item of state.items.slice(from)) {
    if (heldByOther(item, me(), Date.now())) continue;
    if (await selectClaim(item.id, { auto: true, push })) return;
  }
  const first = state.items[from] ?? state.items[0];
  if (first) await selectClaim(first.id, { push });
  else showEmpty();
}

/** The queue again, as it now is (new claims in, reviewed ones out), keeping the claim on screen and its draft. */
async function refreshQueue(): Promise<void> {
  const creds = state.creds;
  if (!creds || document.hidden || ui.queue.getAttribute('aria-busy') === 'true') return;
  const load = ++state.queueLoad;
  try {
    const page = await fetchQueue(creds, { ...currentFilters(), limit: Math.min(100, Math.max(25, state.items.length)) });
    if (load !== state.queueLoad) return;
    state.items = page.items;
    state.nextCursor = page.nextCursor;
    renderQueue();
    if (state.leased && state.leased === state.selectedId) await postLease(creds, state.leased).catch(() => undefined);
    await Promise.all([refreshCounts(), refreshSources()]);
  } catch (error) {
    if (error instanceof SignInRequired) failed(error);
  }
}

setInterval(() => void refreshQueue(), REFRESH_MS);
window.addEventListener('focus', () => void refreshQueue());

async function refreshSources(): Promise<void> {
  if (!state.creds) return;
  try {
    const { sources } = await fetchSources(state.creds);
    const chosen = ui.sourceFilter.value;
    const any = ui.sourceFilter.options[0]!;
    ui.sourceFilter.replaceChildren(any, ...sources.map((s) => h('option', { value: s.source }, s.source)));
    if (sources.some((s) => s.source === chosen)) ui.sourceFilter.value = chosen;
  } catch {
    // the list is a convenience; the queue reports failures
  }
}

async function refreshCounts(): Promise<void> {
  if (!state.creds) return;
  try {
    state.counts = await fetchCounts(state.creds, new Date().toISOString().slice(0, 10));
    renderCounts();
  } catch {
    // as for the sources
  }
}

function renderCounts(): void {
  const counts = state.counts;
  ui.countsPanel.hidden = !counts;
  if (!counts) return;
  const cell = (n: number) => h('td', {}, n.toLocaleString(locale()));
  const table = h(
    'table',
    { class: 'backlog' },
    h('caption', {}, t('counts.backlog')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('td', {}),
        ...CORROBORATIONS.map((c) => h('th', { scope: 'col', class: `col-${c.replace('_', '-')}`, title: t(`corroboration.${c}`) }, h('span', { 'aria-hidden': 'true' }, CORROBORATION_ICONS[c]), h('span', { class: 'visually-hidden' }, t(`corroboration.${c}`)))),
        h('th', { scope: 'col' }, t('counts.total')),
      ),
    ),
    h(
      'tbody',
      {},
      ...CLAIM_STATUSES.map((status) => {
        const row = counts.backlog[status];
        return h('tr', { 'data-status': status }, h('th', { scope: 'row' }, t(`status.${status}`)), ...CORROBORATIONS.map((c) => cell(row[c])), cell(CORROBORATIONS.reduce((n, c) => n + row[c], 0)));
      }),
    ),
  );
  const today = counts.reviews.sort((a, b) => b.count - a.count);
  ui.reviewerList.replaceChildren(...today.map((r) => h('option', { value: r.reviewer })));
  ui.countsBody.replaceChildren(
    table,
    h('h4', {}, t('counts.today')),
    today.length === 0
      ? h('p', { class: 'none' }, t('counts.none'))
      : h('ul', { class: 'reviews-today' }, ...today.map((r) => h('li', { 'data-reviewer': r.reviewer }, h('span', { dir: 'auto' }, r.reviewer === me() ? t('counts.you', { name: r.reviewer }) : r.reviewer), ': ', h('strong', {}, r.count.toLocaleString(locale()))))),
  );
}

/** Each corroboration state has an icon of its own, so that colour is never the only cue. */
const CORROBORATION_ICONS: Record<Corroboration, string> = { conflicting: '⚠', corroborated: '✓', single_source: '○' };

function corroborationBadge(corroboration: Corroboration): HTMLElement {
  return h('span', { class: `badge badge-${corroboration.replace('_', '-')}` }, h('span', { 'aria-hidden': 'true', class: 'icon' }, CORROBORATION_ICONS[corroboration]), ` ${t(`corroboration.${corroboration}`)}`);
}

function renderQueue(): void {
  const filters = currentFilters();
  const counts = queueCounts(state.items);
  const articleTitle = filters.articleId ? (state.titles.get(filters.articleId) ?? filters.articleId) : '';
  ui.articleFilter.hidden = !filters.articleId;
  ui.articleFilterText.textContent = filters.articleId ? t('filter.article', { title: articleTitle }) : '';
  ui.counts.textContent =
    counts.total === 0
      ? state.searching ? t('queue.searching') : t('queue.none')
      : t('queue.loaded', { count: counts.total, more: state.nextCursor ? t('queue.moreAvailable') : '', conflicting: counts.conflicting, corroborated: counts.corroborated, single: counts.single_source });
  const now = Date.now();
  ui.list.replaceChildren(
    ...state.items.map((item) => {
      const source = item.source ?? state.sources.get(item.articleId);
      const reviewed = item.status !== filters.status ? t(`status.${item.status}`) : null;
      const held = heldByOther(item, me(), now);
      return h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: `queue-item${held ? ' held' : ''}`, 'data-id': item.id, 'aria-current': item.id === state.selectedId ? 'true' : undefined },
          h(
            'span',
            { class: 'item-badges' },
            corroborationBadge(item.corroboration),
            reviewed && h('span', { class: 'badge badge-status' }, reviewed),
            held && h('span', { class: 'badge badge-held' }, h('span', { 'aria-hidden': 'true' }, '✎ '), h('span', { dir: 'auto' }, t('queue.heldBy', { name: item.leasedBy! }))),
          ),
          h('span', { class: 'item-text', dir: 'auto', lang: item.language }, item.text),
          h('span', { class: 'item-meta' }, describeValue(item), ' · ', h('span', { 'data-article': item.articleId, dir: 'auto' }, source ?? t('queue.sourcePending'))),
        ),
      );
    }),
  );
  ui.more.hidden = !state.nextCursor;
  ui.more.textContent = state.items.length === 0 ? t('queue.keepSearching') : t('queue.more');
}

ui.list.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button.queue-item');
  if (button?.dataset.id) void selectClaim(button.dataset.id, { push: true });
});

ui.filters.addEventListener('change', (event) => {
  if ((event.target as Element).tagName === 'SELECT') void loadQueue();
});
ui.filters.addEventListener('submit', (event) => {
  event.preventDefault();
  void loadQueue();
});
ui.more.addEventListener('click', () => void loadQueue({ append: true }));
byId('clear-article').addEventListener('click', () => {
  (ui.filters.elements.namedItem('articleId') as HTMLInputElement).value = '';
  void loadQueue();
});

function markSelected(): void {
  for (const button of ui.list.querySelectorAll<HTMLButtonElement>('button.queue-item')) {
    if (button.dataset.id === state.selectedId) {
      button.setAttribute('aria-current', 'true');
      button.scrollIntoView({ block: 'nearest' });
    } else button.removeAttribute('aria-current');
  }
}

function showPlaceholder(title: MessageKey | null, text: MessageKey): void {
  state.selectedId = null;
  state.detail = null;
  state.article = null;
  state.claimLoad++;
  releaseHeld();
  ui.claim.hidden = false;
  ui.claim.removeAttribute('aria-busy');
  ui.claim.replaceChildren(h('div', { class: 'empty' }, title && h('h2', {}, t(title)), h('p', {}, t(text))));
  markSelected();
  setAddress(null, false);
}

const showEmpty = () => showPlaceholder('empty.title', 'empty.text');
const showSearching = () => showPlaceholder(null, 'queue.searching');

// ---------------------------------------------------------------- address and history

type Target = { kind: 'claim' | 'article'; id: string } | null;

function targetOf(hash: string): Target {
  const match = /^#(claim|article)=(.+)$/.exec(hash);
  if (!match) return null;
  try {
    return { kind: match[1] as 'claim' | 'article', id: decodeURIComponent(match[2]!) };
  } catch {
    return null;
  }
}

/** Puts what is on screen in the address: a new history entry when the reviewer moved (so that Back returns), else in place. */
function setAddress(target: Target, push: boolean): void {
  const hash = target ? `#${target.kind}=${encodeURIComponent(target.id)}` : '';
  if (location.hash === hash) return;
  const url = `${location.pathname}${location.search}${hash}`;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function followAddress(): void {
  const target = targetOf(location.hash);
  if (!state.creds || !target) return;
  if (target.kind === 'article') void openArticle(target.id, false);
  else if (target.id !== state.selectedId || state.article) void selectClaim(target.id, { push: false, fromAddress: true });
}

window.addEventListener('popstate', followAddress);
window.addEventListener('hashchange', followAddress);

// ---------------------------------------------------------------- one claim

/** Ends this reviewer's lease, if any (the claim is left for others). */
function releaseHeld(except?: string): void {
  const leased = state.leased;
  if (leased && leased !== except && state.creds) void releaseLease(state.creds, leased).catch(() => undefined);
  if (leased !== except) state.leased = null;
}

/**
 * Opens a claim. From the queue a claim that needs review is leased to the reviewer; an automatic
 * choice (`auto`) that someone else got first is given up (false), so that the caller tries the next.
 */
async function selectClaim(id: string, options: { auto?: boolean; push?: boolean; fromAddress?: boolean; keepNotice?: boolean } = {}): Promise<boolean> {
  const creds = state.creds;
  if (!creds) return false;
  const load = ++state.claimLoad;
  const listed = state.items.find((i) => i.id === id);
  const tryLease = () => postLease(creds, id).catch(() => null);
  // a claim of the queue that needs review is leased as it opens; another once it is known to need review
  const lease: Promise<Lease | null | undefined> = listed?.status === 'needs_review' ? tryLease() : Promise.resolve(undefined);
  const early = options.auto ? await lease : undefined;
  if (load !== state.claimLoad) return false;
  if (early && !early.granted) {
    // someone else got it first: the queue shows it as theirs, and the caller tries the next one
    if (listed) Object.assign(listed, { leasedBy: early.leasedBy, leasedUntil: early.leasedUntil, status: early.status });
    renderQueue();
    return false;
  }
  if (state.selectedId !== id || !options.keepNotice) state.notice = null;
  releaseHeld(id);
  state.selectedId = id;
  state.pinned = !options.auto;
  state.article = null;
  setAddress({ kind: 'claim', id }, !!options.push);
  markSelected();
  ui.claim.hidden = false;
  ui.claim.setAttribute('aria-busy', 'true');
  if (state.detail?.id !== id) ui.claim.replaceChildren(h('p', { class: 'loading' }, t('claim.loading')));
  try {
    const fetched = await Promise.all([fetchClaim(creds, id), lease]);
    const detail = fetched[0];
    const leased = fetched[1] === undefined && detail.status === 'needs_review' ? await tryLease() : fetched[1];
    if (load !== state.claimLoad) return true;
    if (leased?.granted) state.leased = id;
    else if (leased?.leasedBy && !state.notice) state.notice = { kind: 'held', by: leased.leasedBy, until: leased.leasedUntil ?? '' };
    if (leased && listed) Object.assign(listed, { leasedBy: leased.leasedBy, leasedUntil: leased.leasedUntil });
    state.detail = detail;
    state.titles.set(detail.articleId, detail.article.title);
    rememberSource(detail.articleId, detail.article.source);
    renderClaim();
  } catch (error) {
    if (load !== state.claimLoad) return true;
    state.detail = null;
    if (error instanceof SignInRequired) failed(error);
    else ui.claim.replaceChildren(h('p', { class: 'notice notice-error', role: 'alert' }, error instanceof Error ? error.message : String(error)));
  } finally {
    if (load === state.claimLoad) ui.claim.removeAttribute('aria-busy');
  }
  return true;
}

function rememberSource(articleId: string, source: string): void {
  state.sources.set(articleId, source);
  for (const el of ui.list.querySelectorAll<HTMLElement>('[data-article]')) if (el.dataset.article === articleId) el.textContent = source;
}

function link(url: string, label: string): HTMLElement {
  const href = safeHref(url);
  if (!href) return h('span', { class: 'not-a-link', title: t('link.notALink') }, url || t('link.none'));
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, label, h('span', { class: 'visually-hidden' }, t('link.newTab')));
}

function section(id: string, title: Child, ...children: Child[]): HTMLElement {
  return h('section', { class: `panel panel-${id}`, 'aria-labelledby': `${id}-title` }, h('h3', { id: `${id}-title` }, title), ...children);
}

/** A sentence with its claim marked. */
function sentence(text: string, claim: { text: string; start: number; end: number; sentence: { start: number } }, language: string, cls: string): HTMLElement {
  const parts = splitSentence(text, claim);
  return h('blockquote', { class: cls, dir: 'auto', lang: language }, parts.before, parts.claim && h('mark', {}, parts.claim), parts.after);
}

/** One other source's claim: in its sentence, with its article, time, language, and why it is linked. */
function linkCard(detail: ClaimDetail, link_: { claimId: string; source: string; url: string; text: string; score?: number; relation?: 'corroborates' | 'conflicts'; publishedAt?: string; possibleUpdate?: boolean }, context: LinkContext | undefined, label: MessageKey): HTMLElement {
  const later = laterReport(detail.article.publishedAt, context?.article.publishedAt ?? link_.publishedAt);
  const reasons = linkReasons(
    { ...detail, sentenceText: detail.sentenceText, publishedAt: detail.article.publishedAt },
    { relation: link_.relation ?? 'corroborates', score: link_.score ?? 0, publishedAt: link_.publishedAt },
    context,
  );
  const published = context?.article.publishedAt ?? link_.publishedAt;
  return h(
    'li',
    { class: 'evidence-card', 'data-claim': link_.claimId },
    h('p', { class: 'visually-hidden' }, t(label)),
    context
      ? sentence(context.sentenceText, { text: link_.text, ...context.claim }, context.claim.language, 'evidence-sentence')
      : h('p', { class: 'evidence-sentence', dir: 'auto' }, h('mark', {}, link_.text), ' ', h('span', { class: 'hint' }, t('evidence.noContext'))),
    h(
      'p',
      { class: 'evidence-meta' },
      h('span', { dir: 'auto' }, link_.source),
      context && ` · ${t(`language.${context.claim.language}`)}`,
      ' · ',
      h('time', { datetime: published }, published ? formatDate(published) : t('claim.dateUnknown')),
      later !== null && h('span', { class: `badge ${later ? 'badge-later' : 'badge-plain'}` }, t(later ? 'evidence.laterReport' : 'evidence.earlierReport')),
      link_.possibleUpdate && h('span', { class: 'badge badge-update' }, t('evidence.possibleUpdate')),
    ),
    h('p', { class: 'evidence-links' }, link(context?.article.url ?? link_.url, t('evidence.article')), ' · ', h('button', { type: 'button', class: 'link-button', 'data-open': link_.claimId }, t('evidence.openClaim'))),
    h('p', { class: 'why-title' }, t('evidence.why')),
    h('ul', { class: 'reasons' }, ...reasons.map((r) => h('li', {}, t(r.key, r.params)))),
  );
}

function evidenceColumn(detail: ClaimDetail, kind: 'agree' | 'conflict'): HTMLElement {
  const items = detail.evidence.filter((e) => (e.relation === 'conflicts') === (kind === 'conflict'));
  return h(
    'section',
    { class: `evidence-column evidence-${kind}`, 'aria-labelledby': `evidence-${kind}-title` },
    h('h4', { id: `evidence-${kind}-title` }, h('span', { class: 'icon', 'aria-hidden': 'true' }, kind === 'agree' ? '✓' : '✗'), ` ${t(kind === 'agree' ? 'evidence.agree' : 'evidence.conflict')} (${items.length.toLocaleString(locale())})`),
    items.length === 0
      ? h('p', { class: 'none' }, t(kind === 'agree' ? 'evidence.noneAgree' : 'evidence.noneConflict'))
      : h('ul', {}, ...items.map((e) => linkCard(detail, e, detail.context[e.claimId], kind === 'agree' ? 'evidence.agrees' : 'evidence.conflicts'))),
  );
}

function historyList(entries: readonly HistoryEntry[]): HTMLElement {
  if (entries.length === 0) return h('p', { class: 'none' }, t('history.none'));
  const undone = undoneVersions(entries);
  return h(
    'ol',
    { class: 'history' },
    ...[...entries].reverse().map((entry) =>
      h(
        'li',
        { class: isUndo(entry) ? 'undo' : undone.has(entry.version) ? 'taken-back' : undefined },
        h(
          'p',
          {},
          h('strong', {}, isUndo(entry) ? t('history.undo', { undone: entry.undoes, status: t(`status.${entry.status}`) }) : t(`status.${entry.verdict}`)),
          ' ', t('history.by'), ' ', h('span', { dir: 'auto' }, entry.reviewer), ', ',
          h('time', { datetime: entry.at }, formatDate(entry.at)),
          ` (${t('history.version', { version: entry.version })})`,
          !isUndo(entry) && undone.has(entry.version) && ` ${t('history.takenBack')}`,
        ),
        !isUndo(entry) && entry.note && h('p', { class: 'note', dir: 'auto' }, entry.note),
        !isUndo(entry) && entry.sourceUrls.length > 0 && h('ul', { class: 'sources' }, ...entry.sourceUrls.map((url) => h('li', {}, link(url, url)))),
      ),
    ),
  );
}

function noticeElement(notice: Notice): HTMLElement {
  if (notice.kind === 'conflict') {
    const entry = notice.entry;
    return h(
      'div',
      { class: 'notice notice-conflict', role: 'alert' },
      h('p', {}, h('strong', {}, t('conflict.first')), ' ', t('conflict.notRecorded')),
      entry && h('p', {}, h('span', { dir: 'auto' }, entry.reviewer), ' ', t('conflict.marked', { verdict: t(`status.${entry.verdict}`), time: formatDate(entry.at) })),
      entry?.note && h('p', {}, `${t('conflict.note')} “`, h('span', { dir: 'auto' }, entry.note), '”'),
      h('p', {}, t('conflict.asNow')),
    );
  }
  if (notice.kind === 'held') {
    return h('div', { class: 'notice notice-held', role: 'status' }, h('p', {}, h('strong', { dir: 'auto' }, notice.by), ' ', t('lease.held', { time: formatDate(notice.until) })));
  }
  if (notice.kind === 'issues') {
    return h(
      'div',
      { class: 'notice notice-error', role: 'alert' },
      h('p', {}, h('strong', {}, t('verdict.notRecorded')), ' ', notice.message),
      notice.issues.length > 0 && h('ul', {}, ...notice.issues.map((issue) => h('li', {}, `${fieldName(issue.path)}: ${issue.message}`))),
    );
  }
  return h('div', { class: 'notice notice-error', role: 'alert' }, notice.message);
}

function fieldName(path: string): string {
  const url = /^sourceUrls\.(\d+)$/.exec(path);
  if (url) return t('field.sourceUrl', { n: Number(url[1]) + 1 });
  const known: Record<string, MessageKey> = { verdict: 'field.verdict', note: 'field.note', sourceUrls: 'field.sourceUrls', expectedVersion: 'field.expectedVersion' };
  return known[path] ? t(known[path]) : path || t('field.request');
}

function saveDraft(id: string, form: HTMLFormElement): void {
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | RadioNodeList | null)?.value ?? '';
  const draft = { verdict: value('verdict'), note: value('note'), urls: value('sourceUrls') };
  if (draft.verdict || draft.note || draft.urls) state.drafts.set(id, draft);
  else state.drafts.delete(id);
}

function verdictForm(detail: ClaimDetail): HTMLFormElement {
  const draft = state.drafts.get(detail.id);
  const form = h(
    'form',
    { id: 'verdict-form', class: 'verdict-form', novalidate: true },
    h(
      'fieldset',
      { class: 'verdicts' },
      h('legend', {}, detail.status === 'needs_review' ? t('verdict.legend') : t('verdict.current', { status: t(`status.${detail.status}`) })),
      ...VERDICTS.map((verdict) =>
        h(
          'label',
          { class: `verdict verdict-${verdict.replace(/_/g, '-')}` },
          h('input', { type: 'radio', name: 'verdict', value: verdict, required: true, checked: draft?.verdict === verdict }),
          ` ${t(`status.${verdict}`)} `,
          h('kbd', { 'aria-hidden': 'true' }, VERDICT_KEYS[verdict]),
        ),
      ),
    ),
    h('label', { for: 'note' }, `${t('verdict.note')} `, h('span', { class: 'hint' }, t('verdict.optional'))),
    h('textarea', { id: 'note', name: 'note', rows: 3, maxlength: 4000, dir: 'auto' }, draft?.note ?? ''),
    h('label', { for: 'source-urls' }, `${t('verdict.urls')} `, h('span', { class: 'hint' }, t('verdict.urlsHint'))),
    h('textarea', { id: 'source-urls', name: 'sourceUrls', rows: 3, dir: 'ltr', spellcheck: 'false', inputmode: 'url' }, draft?.urls ?? ''),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, t('verdict.submit')), h('span', { class: 'hint' }, t('verdict.onVersion', { version: detail.version }))),
  );
  form.addEventListener('input', () => saveDraft(detail.id, form));
  form.addEventListener('change', () => saveDraft(detail.id, form));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = (form.elements.namedItem('verdict') as RadioNodeList).value;
    const verdict = VERDICTS.find((v) => v === chosen);
    if (!verdict) {
      state.notice = { kind: 'issues', message: t('verdict.choose'), issues: [] };
      showNotice();
      return;
    }
    void submitVerdict(verdict);
  });
  return form;
}

function showNotice(): void {
  const slot = ui.claim.querySelector('#claim-notice');
  if (slot) slot.replaceChildren(...(state.notice ? [noticeElement(state.notice)] : []));
}

function renderClaim(): void {
  const detail = state.detail;
  if (!detail) return;
  const { article } = detail;
  const inForce = verdictInForce(detail.history);
  const listed = state.items.find((i) => i.id === detail.id);
  const held = listed && heldByOther(listed, me(), Date.now()) ? listed.leasedBy : null;
  ui.claim.replaceChildren(
    h(
      'article',
      { class: 'claim', 'aria-labelledby': 'claim-title', 'data-claim': detail.id },
      h(
        'header',
        { class: 'claim-header' },
        h(
          'p',
          { class: 'claim-badges' },
          corroborationBadge(detail.corroboration),
          h('span', { class: 'badge badge-status' }, t(`status.${detail.status}`)),
          h('span', { class: 'badge badge-plain' }, t(`language.${detail.language}`)),
          held && h('span', { class: 'badge badge-held' }, h('span', { dir: 'auto' }, t('queue.heldBy', { name: held }))),
        ),
        h('h2', { id: 'claim-title', dir: 'auto', lang: detail.language }, detail.text),
        h('p', { class: 'claim-value' }, describeValue(detail)),
      ),
      section(
        'context',
        t('claim.inArticle'),
        sentence(detail.sentenceText, detail, detail.language, 'sentence'),
        h(
          'p',
          { class: 'article-meta' },
          h('cite', { dir: 'auto', lang: article.language }, article.title),
          h('br', {}),
          h('span', { dir: 'auto' }, article.source),
          ' · ',
          h('time', { datetime: article.publishedAt }, article.publishedAt ? formatDate(article.publishedAt) : t('claim.dateUnknown')),
          ' · ',
          link(article.url, t('claim.openArticle')),
        ),
        h('p', {}, h('button', { type: 'button', class: 'quiet', 'data-article': detail.articleId }, t('claim.wholeArticle'), ' ', h('kbd', { 'aria-hidden': 'true' }, 'a'))),
      ),
      section('evidence', t('evidence.title'), h('div', { class: 'evidence-columns' }, evidenceColumn(detail, 'agree'), evidenceColumn(detail, 'conflict'))),
      (detail.candidates?.length ?? 0) > 0 &&
        section(
          'candidates',
          t('candidates.title'),
          h('p', { class: 'hint' }, t('candidates.intro')),
          h('ul', { class: 'candidates' }, ...detail.candidates!.map((c) => linkCard(detail, c, detail.context[c.claimId], 'evidence.candidate'))),
        ),
      section('history', t('history.title'), historyList(detail.history)),
      section('verdict', inForce ? t('verdict.again') : t('verdict.title'), h('div', { id: 'claim-notice' }), verdictForm(detail)),
      inForce &&
        inForce.verdict !== 'not_a_claim' &&
        section('claimreview', t('claimreview.title'), h('button', { type: 'button', class: 'quiet', 'data-claimreview': detail.id }, t('claimreview.show')), h('div', { class: 'claimreview' })),
    ),
  );
  showNotice();
}

ui.claim.addEventListener('click', (event) => {
  const target = event.target as Element;
  const open = target.closest<HTMLElement>('[data-open]');
  if (open?.dataset.open) {
    void selectClaim(open.dataset.open, { push: true });
    return;
  }
  const article = target.closest<HTMLElement>('button[data-article]');
  if (article?.dataset.article) {
    void openArticle(article.dataset.article, true);
    return;
  }
  const ld = target.closest<HTMLButtonElement>('[data-claimreview]');
  if (ld?.dataset.claimreview && state.creds) {
    const slot = ld.nextElementSibling;
    ld.disabled = true;
    fetchClaimReview(state.creds, ld.dataset.claimreview)
      .then(
        (doc) => {
          const url = typeof doc.url === 'string' ? doc.url : '';
          slot?.replaceChildren(h('p', {}, link(url, t('claimreview.public'))), h('pre', { tabindex: 0, 'aria-label': t('claimreview.title') }, JSON.stringify(doc, null, 2)));
        },
        (error: unknown) => failed(error, 'claim'),
      )
      .finally(() => {
        ld.disabled = false;
      });
  }
});

async function submitVerdict(verdict: Verdict): Promise<void> {
  const creds = state.creds;
  const detail = state.detail;
  const form = ui.claim.querySelector<HTMLFormElement>('#verdict-form');
  if (!creds || !detail || !form || state.submitting) return;
  const radio = form.querySelector<HTMLInputElement>(`input[name="verdict"][value="${verdict}"]`);
  if (radio) radio.checked = true;
  const note = (form.elements.namedItem('note') as HTMLTextAreaElement).value.trim();
  const sourceUrls = parseSourceUrls((form.elements.namedItem('sourceUrls') as HTMLTextAreaElement).value);
  state.submitting = true;
  form.setAttribute('aria-busy', 'true');
  for (const control of form.elements) (control as HTMLInputElement).disabled = true;
  let keepForm = true;
  try {
    const updated = await postReview(creds, detail.id, { verdict, ...(note ? { note } : {}), sourceUrls, expectedVersion: detail.version });
    keepForm = false;
    state.drafts.delete(detail.id);
    if (state.leased === detail.id) state.leased = null;
    state.lastVerdict = { id: detail.id, version: updated.version, text: detail.text, at: Date.now() };
    const message = t('verdict.recorded', { verdict: t(`status.${verdict}`), text: detail.text });
    announce(message);
    showToast(message);
    void refreshCounts();
    await afterReview(updated);
  } catch (error) {
    if (error instanceof ReviewedMeanwhile) {
      keepForm = false;
      state.notice = { kind: 'conflict', entry: verdictInForce(error.current.history) };
      const item = state.items.find((i) => i.id === detail.id);
      if (item) Object.assign(item, { status: error.current.status, version: error.current.version });
      renderQueue();
      await selectClaim(detail.id, { keepNotice: true });
    } else if (error instanceof Refused) {
      state.notice = { kind: 'issues', message: error.message, issues: error.issues };
      showNotice();
    } else if (error instanceof SignInRequired) failed(error);
    else {
      state.notice = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
      showNotice();
    }
  } finally {
    state.submitting = false;
    if (keepForm && form.isConnected) {
      form.removeAttribute('aria-busy');
      for (const control of form.elements) (control as HTMLInputElement).disabled = false;
    }
  }
}

/** A claim that no longer matches the status filter leaves the queue, and the next free one is opened. */
async function afterReview(updated: ClaimRecord): Promise<void> {
  const index = state.items.findIndex((i) => i.id === updated.id);
  if (updated.status !== currentFilters().status && index >= 0) {
    state.items.splice(index, 1);
    renderQueue();
    if (state.items.length > 0) await openNextFree(Math.min(index, state.items.length - 1), true);
    else if (state.nextCursor) await loadQueue();
    else showEmpty();
  } else {
    const item = state.items[index];
    if (item) Object.assign(item, { status: updated.status, version: updated.version });
    renderQueue();
    await selectClaim(updated.id);
  }
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;

/** The last verdict, with the button that takes it back (for as long as it can be). */
function showToast(message: string): void {
  clearTimeout(toastTimer);
  ui.toast.hidden = false;
  ui.toast.replaceChildren(h('span', {}, message), ' ', h('button', { type: 'button', id: 'undo', class: 'quiet' }, t('undo.button'), ' ', h('kbd', { 'aria-hidden': 'true' }, 'z')));
  toastTimer = setTimeout(() => {
    ui.toast.hidden = true;
  }, UNDO_MS);
}

ui.toast.addEventListener('click', (event) => {
  if ((event.target as Element).closest('#undo')) void undoLast();
});

/** Takes back this reviewer's last verdict: a new history entry on the server, the claim back in the queue, leased to them. */
async function undoLast(): Promise<void> {
  const creds = state.creds;
  const last = state.lastVerdict;
  if (!creds) return;
  if (!last || Date.now() - last.at > UNDO_MS) {
    announce(t('undo.nothing'));
    return;
  }
  try {
    const claim = await postUndo(creds, last.id, last.version);
    state.lastVerdict = null;
    ui.toast.hidden = true;
    releaseHeld(claim.id);
    state.leased = claim.status === 'needs_review' ? claim.id : null;
    announce(t('undo.done', { text: last.text, status: t(`status.${claim.status}`) }));
    await selectClaim(claim.id, { push: true });
    await loadQueue();
  } catch (error) {
    state.lastVerdict = null;
    ui.toast.hidden = true;
    failed(error);
  }
}

// ---------------------------------------------------------------- the whole article

async function openArticle(id: string, push: boolean): Promise<void> {
  const creds = state.creds;
  if (!creds) return;
  const load = ++state.claimLoad;
  setAddress({ kind: 'article', id }, push);
  ui.claim.hidden = false;
  ui.claim.setAttribute('aria-busy', 'true');
  if (state.article?.article.id !== id) ui.claim.replaceChildren(h('p', { class: 'loading' }, t('article.loading')));
  try {
    const view = await fetchArticleView(creds, id);
    if (load !== state.claimLoad) return;
    state.article = view;
    state.titles.set(id, view.article.title);
    renderArticle();
  } catch (error) {
    if (load === state.claimLoad) failed(error);
  } finally {
    if (load === state.claimLoad) ui.claim.removeAttribute('aria-busy');
  }
}

function renderArticle(message?: string): void {
  const view = state.article;
  if (!view) return;
  const { article, text, claims } = view;
  const statusOf = (c: ClaimRecord) => t(`status.${c.status}`);
  const list = h(
    'ul',
    { class: 'article-claims' },
    ...claims.map((c) =>
      h(
        'li',
        { class: `status-${c.status.replace(/_/g, '-')}` },
        h(
          'label',
          {},
          h('input', { type: 'checkbox', name: 'claim', value: c.id, 'data-version': c.version, disabled: c.status !== 'needs_review' }),
          ' ',
          h('span', { class: 'item-text', dir: 'auto', lang: c.language }, c.text),
          ' ',
          h('span', { class: 'badge badge-status' }, statusOf(c)),
          ' ',
          h('span', { class: 'hint' }, describeValue(c)),
        ),
        ' ',
        h('button', { type: 'button', class: 'link-button', 'data-open': c.id }, t('article.open')),
      ),
    ),
  );
  const selected = h('span', { class: 'hint', 'aria-live': 'polite' });
  const mark = h('button', { type: 'submit', class: 'primary' }, t('article.markNotClaim'));
  const form = h(
    'form',
    { class: 'bulk', id: 'bulk-form' },
    list,
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'button', class: 'quiet', 'data-select': 'open' }, t('article.selectOpen')),
      h('button', { type: 'button', class: 'quiet', 'data-select': 'none' }, t('article.clear')),
      mark,
      selected,
    ),
    h('p', { id: 'bulk-result', role: 'status' }, message ?? ''),
  );
  const boxes = () => [...form.querySelectorAll<HTMLInputElement>('input[name="claim"]')];
  const update = () => {
    const n = boxes().filter((b) => b.checked).length;
    selected.textContent = t('article.selected', { count: n });
    mark.disabled = n === 0;
  };
  form.addEventListener('change', update);
  form.addEventListener('click', (event) => {
    const which = (event.target as HTMLElement).closest<HTMLElement>('[data-select]')?.dataset.select;
    if (!which) return;
    for (const box of boxes()) box.checked = which === 'open' && !box.disabled;
    update();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void bulkNotAClaim(boxes().filter((b) => b.checked).map((b) => ({ id: b.value, expectedVersion: Number(b.dataset.version) })));
  });
  update();
  const back = state.selectedId;
  ui.claim.replaceChildren(
    h(
      'article',
      { class: 'claim article-view', 'aria-labelledby': 'article-title', 'data-article-view': article.id },
      h(
        'header',
        { class: 'claim-header' },
        h('h2', { id: 'article-title', dir: 'auto', lang: article.language }, article.title),
        h('p', { class: 'article-meta' }, h('span', { dir: 'auto' }, article.source), ' · ', h('time', { datetime: article.publishedAt }, article.publishedAt ? formatDate(article.publishedAt) : t('claim.dateUnknown')), ' · ', link(article.url, t('claim.openArticle'))),
        h(
          'p',
          { class: 'form-actions' },
          back && h('button', { type: 'button', class: 'quiet', 'data-open': back }, t('article.back')),
          h('button', { type: 'button', class: 'quiet', 'data-only-article': article.id }, t('article.onlyThis')),
        ),
      ),
      section(
        'article-text',
        t('article.text'),
        h(
          'div',
          { class: 'article-text', dir: 'auto', lang: article.language },
          ...markClaims(text, claims).map((part) =>
            typeof part === 'string'
              ? part
              : h('mark', { class: `claim-mark status-${part.status.replace(/_/g, '-')}`, 'data-id': part.id }, part.text, h('span', { class: 'mark-status' }, ` ${statusOf(part)}`)),
          ),
        ),
      ),
      section('article-claims', `${t('article.claims')} (${claims.length.toLocaleString(locale())})`, form),
    ),
  );
}

ui.claim.addEventListener('click', (event) => {
  const only = (event.target as Element).closest<HTMLElement>('[data-only-article]')?.dataset.onlyArticle;
  if (!only) return;
  (ui.filters.elements.namedItem('articleId') as HTMLInputElement).value = only;
  void loadQueue();
});

async function bulkNotAClaim(claims: { id: string; expectedVersion: number }[]): Promise<void> {
  const creds = state.creds;
  const view = state.article;
  if (!creds || !view || claims.length === 0) return;
  try {
    const { results } = await postBulk(creds, view.article.id, 'not_a_claim', claims);
    const n = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
    const message = [
      t('article.recorded', { count: n('recorded') }),
      n('stale') > 0 && t('article.stale', { count: n('stale') }),
      n('missing') > 0 && t('article.missing', { count: n('missing') }),
    ].filter(Boolean).join(' ');
    announce(message);
    state.article = await fetchArticleView(creds, view.article.id);
    renderArticle(message);
    await loadQueue();
  } catch (error) {
    failed(error);
  }
}

// ---------------------------------------------------------------- keyboard, help, export

function keyTarget(target: EventTarget | null): KeyTarget {
  if (!(target instanceof HTMLElement)) return 'other';
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return 'text';
  if (target instanceof HTMLInputElement) return ['radio', 'checkbox', 'button', 'submit', 'reset'].includes(target.type) ? 'control' : 'text';
  return target instanceof HTMLSelectElement ? 'control' : 'other';
}

function move(step: 1 | -1): void {
  if (state.items.length === 0) return;
  const index = state.items.findIndex((i) => i.id === state.selectedId);
  const next = state.items[index < 0 ? 0 : Math.min(state.items.length - 1, Math.max(0, index + step))];
  if (!next || (next.id === state.selectedId && !state.article)) return;
  const focusInList = ui.list.contains(document.activeElement);
  void selectClaim(next.id, { push: true });
  if (focusInList) ui.list.querySelector<HTMLElement>(`button.queue-item[aria-current="true"]`)?.focus();
}

document.addEventListener('keydown', (event) => {
  if (!state.creds || ui.help.open || event.defaultPrevented || event.repeat) return;
  const shortcut = shortcutOf(event, keyTarget(event.target));
  if (!shortcut) return;
  event.preventDefault();
  const onClaim = !state.article && state.detail && state.detail.id === state.selectedId;
  if (shortcut.action === 'next') move(1);
  else if (shortcut.action === 'previous') move(-1);
  else if (shortcut.action === 'help') openHelp();
  else if (shortcut.action === 'undo') void undoLast();
  else if (shortcut.action === 'article' && onClaim) void openArticle(state.detail!.articleId, true);
  else if (shortcut.action === 'verdict' && onClaim) void submitVerdict(shortcut.verdict);
});

function fillHelp(): void {
  byId('help-list').replaceChildren(...SHORTCUTS.flatMap((s) => [h('dt', {}, ...s.keys.flatMap((k, i) => [i > 0 ? ` ${t('help.or')} ` : '', h('kbd', {}, k)])), h('dd', {}, t(s.description))]));
}

function openHelp(): void {
  fillHelp();
  ui.help.showModal();
}

byId('show-help').addEventListener('click', openHelp);
byId('close-help').addEventListener('click', () => ui.help.close());

async function download(format: 'jsonl' | 'csv'): Promise<void> {
  if (!state.creds) return;
  try {
    const { body, type } = await fetchExport(state.creds, format);
    const url = URL.createObjectURL(new Blob([body], { type }));
    const a = h('a', { href: url, download: `reviewed-claims.${format}` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    failed(error instanceof ApiFailure || error instanceof SignInRequired ? error : new ApiFailure(String(error)));
  }
}
byId('export-jsonl').addEventListener('click', () => void download('jsonl'));
byId('export-csv').addEventListener('click', () => void download('csv'));

// ---------------------------------------------------------------- start

void (async () => {
  await setLanguage(initialLanguage());
  const saved = readCredentials();
  if (!saved) {
    showSignIn();
    return;
  }
  signedIn(saved);
  const target = targetOf(location.hash);
  if (target) followAddress();
  await loadQueue();
})();

