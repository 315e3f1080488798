/// <reference lib="dom" />
/**
 * The reviewers' admin page: sign in, the queue, one claim with its sentence, evidence and
 * history, and the verdict form. Plain DOM. Article text reaches the page only through
 * text nodes (textContent, append(string)), never as markup.
 */
import { type Credentials, fetchClaim, fetchClaimReview, fetchExport, fetchQueue, postReview, type QueueQuery, Refused, ReviewedMeanwhile, SignInRequired } from './api';
import { type ClaimDetail, type Evidence, type ClaimRecord, type ReviewEntry, type Verdict, VERDICTS } from '../schemas/article';
import {
  CORROBORATION_LABELS,
  describeValue,
  formatDate,
  type KeyTarget,
  LANGUAGE_LABELS,
  parseSourceUrls,
  queueCounts,
  safeHref,
  SHORTCUTS,
  shortcutOf,
  splitSentence,
  STATUS_LABELS,
  VERDICT_LABELS,
} from './view';
import { standingVerdicts, verdictInForce } from '../pipeline/history';

const STORAGE_KEY = 'factcheck.review.credentials';
const VERDICT_KEYS: Record<Verdict, string> = { confirmed: 'c', refuted: 'r', unverifiable: 'u', not_a_claim: 'n' };

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
  account: byId('account'),
  reviewerName: byId('reviewer-name'),
  queue: byId('queue'),
  filters: byId<HTMLFormElement>('filters'),
  counts: byId('queue-counts'),
  list: byId<HTMLOListElement>('queue-list'),
  more: byId<HTMLButtonElement>('more'),
  main: byId('main'),
  signIn: byId('sign-in'),
  signInForm: byId<HTMLFormElement>('sign-in-form'),
  signInMessage: byId('sign-in-message'),
  status: byId('status'),
  banner: byId('banner'),
  claim: byId('claim'),
  help: byId<HTMLDialogElement>('help'),
};

/** A message about the claim on screen, shown above its verdict form until another claim is opened. */
type Notice = { kind: 'conflict'; entry: ReviewEntry | undefined } | { kind: 'issues'; message: string; issues: readonly { path: string; message: string }[] } | { kind: 'error'; message: string };

const state = {
  creds: null as Credentials | null,
  items: [] as ClaimRecord[],
  nextCursor: null as string | null,
  selectedId: null as string | null,
  detail: null as ClaimDetail | null,
  notice: null as Notice | null,
  submitting: false,
  /** Bumped by every queue load and claim load, so that a late answer does not overwrite a newer one. */
  queueLoad: 0,
  claimLoad: 0,
  openFromAddress: null as string | null,
  /** Article sources, learnt from the claims opened. */
  sources: new Map<string, string>(),
};

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
  state.selectedId = null;
  state.queueLoad++;
  state.claimLoad++;
  sessionStorage.removeItem(STORAGE_KEY);
  document.body.dataset.view = 'sign-in';
  ui.account.hidden = true;
  ui.queue.hidden = true;
  ui.claim.hidden = true;
  ui.banner.hidden = true;
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
  const reviewer = (form.namedItem('reviewer') as HTMLInputElement).value.trim();
  let problem = '';
  if (!token) problem = 'Enter the reviewer token.';
  else if (!reviewer) problem = 'Enter your name: it is recorded with your verdicts.';
  // an HTTP header carries Latin-1 only
  else if (/[^\u0020-\u007e\u00a0-\u00ff]/.test(reviewer) || /[^\u0021-\u007e]/.test(token)) {
    problem = /[^\u0021-\u007e]/.test(token) ? 'The token has characters a token cannot have: paste it again.' : 'For now the name must be written in Latin letters (accents are fine).';
  }
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

byId('sign-out').addEventListener('click', () => showSignIn('Signed out.'));

/** Every API failure goes through here: a refused token means signing in again. */
function failed(error: unknown, where: 'banner' | 'claim' = 'banner'): void {
  if (error instanceof SignInRequired) {
    showSignIn('Your reviewer token was refused (401). Sign in again with a valid token.');
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
  const get = (name: string) => String(data.get(name) ?? '');
  return { status: get('status') || 'needs_review', corroboration: get('corroboration'), language: get('language'), kind: get('kind'), source: get('source') };
}

async function loadQueue(options: { append?: boolean } = {}): Promise<void> {
  const creds = state.creds;
  if (!creds) return;
  const load = ++state.queueLoad;
  ui.queue.setAttribute('aria-busy', 'true');
  ui.more.disabled = true;
  if (!options.append) ui.counts.textContent = 'Loading…';
  try {
    const page = await fetchQueue(creds, { ...currentFilters(), cursor: options.append ? (state.nextCursor ?? undefined) : undefined });
    if (load !== state.queueLoad) return;
    ui.banner.hidden = true;
    state.items = options.append ? [...state.items, ...page.items.filter((i) => !state.items.some((c) => c.id === i.id))] : page.items;
    state.nextCursor = page.nextCursor;
    renderQueue();
    if (!options.append) {
      // a claim named in the address (#claim=...) is opened once, queued or not
      const stillListed = state.selectedId && state.items.some((i) => i.id === state.selectedId) ? state.selectedId : null;
      const open = state.openFromAddress ?? stillListed ?? state.items[0]?.id;
      state.openFromAddress = null;
      if (open) void selectClaim(open, { keepNotice: open === state.selectedId });
      else showEmpty();
    }
    void learnSources(creds, load);
  } catch (error) {
    if (load === state.queueLoad) {
      ui.counts.textContent = 'The queue could not be loaded.';
      failed(error);
    }
  } finally {
    if (load === state.queueLoad) {
      ui.queue.removeAttribute('aria-busy');
      ui.more.disabled = false;
    }
  }
}

/**
 * Claims stored before they carried their article's source: look it up once per article (the
 * first claim of each), a few at a time, and fill it in.
 */
async function learnSources(creds: Credentials, load: number): Promise<void> {
  const pending = [...new Map(state.items.filter((i) => !i.source && !state.sources.has(i.articleId)).map((i) => [i.articleId, i.id])).values()];
  const worker = async () => {
    for (let id = pending.shift(); id !== undefined && load === state.queueLoad && state.creds === creds; id = pending.shift()) {
      try {
        const detail = await fetchClaim(creds, id);
        rememberSource(detail);
      } catch {
        // a source is a convenience: the claim itself reports its failures when opened
      }
    }
  };
  await Promise.all([worker(), worker(), worker()]);
}

function rememberSource(detail: ClaimDetail): void {
  state.sources.set(detail.articleId, detail.article.source);
  for (const el of ui.list.querySelectorAll<HTMLElement>('[data-article]')) {
    if (el.dataset.article === detail.articleId) el.textContent = detail.article.source;
  }
}

function badge(corroboration: ClaimRecord['corroboration']): HTMLElement {
  const { label, icon } = CORROBORATION_LABELS[corroboration];
  return h('span', { class: `badge badge-${corroboration.replace('_', '-')}` }, h('span', { 'aria-hidden': 'true', class: 'icon' }, icon), ` ${label}`);
}

function renderQueue(): void {
  const filters = currentFilters();
  const counts = queueCounts(state.items);
  ui.counts.textContent =
    counts.total === 0
      ? `No claims ${filters.status === 'needs_review' ? 'waiting for review' : `marked ${STATUS_LABELS[filters.status as keyof typeof STATUS_LABELS]?.toLowerCase() ?? filters.status}`} with these filters.`
      : `${counts.total} claim${counts.total === 1 ? '' : 's'} loaded${state.nextCursor ? ' (more available)' : ''}: ${counts.conflicting} conflicting, ${counts.corroborated} corroborated, ${counts.single_source} single source.`;
  ui.list.replaceChildren(
    ...state.items.map((item) => {
      const source = item.source ?? state.sources.get(item.articleId);
      const reviewed = item.status !== filters.status ? STATUS_LABELS[item.status] : null;
      return h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'queue-item', 'data-id': item.id, 'aria-current': item.id === state.selectedId ? 'true' : undefined },
          h('span', { class: 'item-badges' }, badge(item.corroboration), reviewed && h('span', { class: 'badge badge-status' }, reviewed)),
          h('span', { class: 'item-text', dir: 'auto', lang: item.language }, item.text),
          h('span', { class: 'item-meta' }, describeValue(item), ' · ', h('span', { 'data-article': item.articleId, dir: 'auto' }, source ?? 'source…')),
        ),
      );
    }),
  );
  ui.more.hidden = !state.nextCursor;
}

ui.list.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button.queue-item');
  if (button?.dataset.id) void selectClaim(button.dataset.id);
});

ui.filters.addEventListener('change', (event) => {
  if ((event.target as Element).tagName === 'SELECT') void loadQueue();
});
ui.filters.addEventListener('submit', (event) => {
  event.preventDefault();
  void loadQueue();
});
ui.more.addEventListener('click', () => void loadQueue({ append: true }));

function markSelected(): void {
  for (const button of ui.list.querySelectorAll<HTMLButtonElement>('button.queue-item')) {
    if (button.dataset.id === state.selectedId) {
      button.setAttribute('aria-current', 'true');
      button.scrollIntoView({ block: 'nearest' });
    } else button.removeAttribute('aria-current');
  }
}

function showEmpty(): void {
  state.selectedId = null;
  state.detail = null;
  state.claimLoad++;
  ui.claim.hidden = false;
  ui.claim.removeAttribute('aria-busy');
  ui.claim.replaceChildren(
    h('div', { class: 'empty' }, h('h2', {}, 'Nothing to review here'), h('p', {}, 'No claim matches these filters. Change them, or refresh later: new articles keep coming.')),
  );
  setHash(null);
}

// ---------------------------------------------------------------- one claim

function claimFromHash(): string | null {
  const match = /^#claim=(.+)$/.exec(location.hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

function setHash(id: string | null): void {
  const hash = id ? `#claim=${encodeURIComponent(id)}` : '';
  if (location.hash !== hash) history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
}

async function selectClaim(id: string, options: { keepNotice?: boolean } = {}): Promise<void> {
  const creds = state.creds;
  if (!creds) return;
  const load = ++state.claimLoad;
  if (state.selectedId !== id || !options.keepNotice) state.notice = null;
  state.selectedId = id;
  setHash(id);
  markSelected();
  ui.claim.hidden = false;
  ui.claim.setAttribute('aria-busy', 'true');
  if (state.detail?.id !== id) ui.claim.replaceChildren(h('p', { class: 'loading' }, 'Loading the claim…'));
  try {
    const detail = await fetchClaim(creds, id);
    if (load !== state.claimLoad) return;
    state.detail = detail;
    rememberSource(detail);
    renderClaim();
  } catch (error) {
    if (load !== state.claimLoad) return;
    state.detail = null;
    if (error instanceof SignInRequired) failed(error);
    else ui.claim.replaceChildren(h('p', { class: 'notice notice-error', role: 'alert' }, error instanceof Error ? error.message : String(error)));
  } finally {
    if (load === state.claimLoad) ui.claim.removeAttribute('aria-busy');
  }
}

function link(url: string, label: string): HTMLElement {
  const href = safeHref(url);
  if (!href) return h('span', { class: 'not-a-link', title: 'Not an http(s) address: shown as text' }, url || 'no address');
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, label, h('span', { class: 'visually-hidden' }, ' (opens in a new tab)'));
}

function section(id: string, title: Child, ...children: Child[]): HTMLElement {
  return h('section', { class: `panel panel-${id}`, 'aria-labelledby': `${id}-title` }, h('h3', { id: `${id}-title` }, title), ...children);
}

function evidenceColumn(kind: 'agree' | 'conflict', items: readonly Evidence[]): HTMLElement {
  const heading = kind === 'agree' ? { icon: '✓', title: 'Agreeing sources', none: 'No other source states the same figure yet.' } : { icon: '✗', title: 'Conflicting sources', none: 'No source contradicts this claim.' };
  return h(
    'section',
    { class: `evidence-column evidence-${kind}`, 'aria-labelledby': `evidence-${kind}-title` },
    h('h4', { id: `evidence-${kind}-title` }, h('span', { class: 'icon', 'aria-hidden': 'true' }, heading.icon), ` ${heading.title} (${items.length})`),
    items.length === 0
      ? h('p', { class: 'none' }, heading.none)
      : h(
          'ul',
          {},
          ...items.map((e) =>
            h(
              'li',
              { class: 'evidence-card' },
              h('p', { class: 'evidence-text', dir: 'auto' }, h('span', { class: 'visually-hidden' }, kind === 'agree' ? 'Agrees: ' : 'Conflicts: '), e.text),
              h(
                'p',
                { class: 'evidence-meta' },
                h('span', { dir: 'auto' }, e.source),
                ' · ',
                link(e.url, 'article'),
                ' · ',
                h('button', { type: 'button', class: 'link-button', 'data-open': e.claimId }, 'open this claim'),
                ' · ',
                h('span', { title: 'How closely the two claims match: higher is closer' }, `match score ${e.score.toLocaleString('en', { maximumFractionDigits: 2 })}`),
              ),
            ),
          ),
        ),
  );
}

function historyList(entries: readonly ReviewEntry[]): HTMLElement {
  if (entries.length === 0) return h('p', { class: 'none' }, 'No verdict yet.');
  return h(
    'ol',
    { class: 'history' },
    ...[...entries].reverse().map((entry) =>
      h(
        'li',
        {},
        h('p', {}, h('strong', {}, VERDICT_LABELS[entry.verdict]), ' by ', h('span', { dir: 'auto' }, entry.reviewer), ', ', h('time', { datetime: entry.at }, formatDate(entry.at)), ` (version ${entry.version})`),
        entry.note && h('p', { class: 'note', dir: 'auto' }, entry.note),
        entry.sourceUrls.length > 0 && h('ul', { class: 'sources' }, ...entry.sourceUrls.map((url) => h('li', {}, link(url, url)))),
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
      h('p', {}, h('strong', {}, 'Someone else reviewed this claim first.'), ' Your verdict was not recorded.'),
      entry && h('p', {}, h('span', { dir: 'auto' }, entry.reviewer), ' marked it ', h('strong', {}, VERDICT_LABELS[entry.verdict]), ` on ${formatDate(entry.at)}.`),
      entry?.note && h('p', {}, 'Their note: “', h('span', { dir: 'auto' }, entry.note), '”'),
      h('p', {}, 'The claim below is as it is now; review it again if you disagree.'),
    );
  }
  if (notice.kind === 'issues') {
    return h(
      'div',
      { class: 'notice notice-error', role: 'alert' },
      h('p', {}, h('strong', {}, 'The verdict was not recorded: '), notice.message),
      notice.issues.length > 0 && h('ul', {}, ...notice.issues.map((issue) => h('li', {}, `${fieldName(issue.path)}: ${issue.message}`))),
    );
  }
  return h('div', { class: 'notice notice-error', role: 'alert' }, notice.message);
}

function fieldName(path: string): string {
  const url = /^sourceUrls\.(\d+)$/.exec(path);
  if (url) return `Source URL ${Number(url[1]) + 1}`;
  return ({ verdict: 'Verdict', note: 'Note', sourceUrls: 'Source URLs', expectedVersion: 'Version' } as Record<string, string>)[path] ?? (path || 'Request');
}

function verdictForm(detail: ClaimDetail): HTMLFormElement {
  const form = h(
    'form',
    { id: 'verdict-form', class: 'verdict-form', novalidate: true },
    h(
      'fieldset',
      { class: 'verdicts' },
      h('legend', {}, detail.status === 'needs_review' ? 'Verdict' : `Verdict (currently ${STATUS_LABELS[detail.status].toLowerCase()})`),
      ...VERDICTS.map((verdict) =>
        h(
          'label',
          { class: `verdict verdict-${verdict.replace(/_/g, '-')}` },
          h('input', { type: 'radio', name: 'verdict', value: verdict, required: true }),
          ` ${VERDICT_LABELS[verdict]} `,
          h('kbd', { 'aria-hidden': 'true' }, VERDICT_KEYS[verdict]),
        ),
      ),
    ),
    h('label', { for: 'note' }, 'Note ', h('span', { class: 'hint' }, '(optional)')),
    h('textarea', { id: 'note', name: 'note', rows: 3, maxlength: 4000, dir: 'auto' }),
    h('label', { for: 'source-urls' }, 'Source URLs ', h('span', { class: 'hint' }, '(one per line, http or https)')),
    h('textarea', { id: 'source-urls', name: 'sourceUrls', rows: 3, dir: 'ltr', spellcheck: 'false', inputmode: 'url' }),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Record verdict'), h('span', { class: 'hint' }, `on version ${detail.version}`)),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = (form.elements.namedItem('verdict') as RadioNodeList).value;
    const verdict = VERDICTS.find((v) => v === chosen);
    if (!verdict) {
      state.notice = { kind: 'issues', message: 'choose a verdict first.', issues: [] };
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
  const parts = splitSentence(detail.sentenceText, detail);
  const agree = detail.evidence.filter((e) => e.relation === 'corroborates');
  const conflict = detail.evidence.filter((e) => e.relation === 'conflicts');
  const reviewed = detail.history.length > 0;
  const claimReview = h('div', { class: 'claimreview' });

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
          badge(detail.corroboration),
          h('span', { class: 'badge badge-status' }, STATUS_LABELS[detail.status]),
          h('span', { class: 'badge badge-plain' }, LANGUAGE_LABELS[detail.language] ?? detail.language),
        ),
        h('h2', { id: 'claim-title', dir: 'auto', lang: detail.language }, detail.text),
        h('p', { class: 'claim-value' }, describeValue(detail)),
      ),
      section(
        'context',
        'In the article',
        h('blockquote', { class: 'sentence', dir: 'auto', lang: detail.language }, parts.before, parts.claim && h('mark', {}, parts.claim), parts.after),
        h(
          'p',
          { class: 'article-meta' },
          h('cite', { dir: 'auto', lang: article.language }, article.title),
          h('br', {}),
          h('span', { dir: 'auto' }, article.source),
          ' · ',
          h('time', { datetime: article.publishedAt }, article.publishedAt ? formatDate(article.publishedAt) : 'publication date unknown'),
          ' · ',
          link(article.url, 'open the article'),
        ),
      ),
      section(
        'evidence',
        'What other sources say',
        h('div', { class: 'evidence-columns' }, evidenceColumn('agree', agree), evidenceColumn('conflict', conflict)),
      ),
      section('history', 'History', historyList(standingVerdicts(detail.history))),
      section('verdict', reviewed ? 'Review again' : 'Your verdict', h('div', { id: 'claim-notice' }), verdictForm(detail)),
      reviewed &&
        section(
          'claimreview',
          'ClaimReview',
          h('button', { type: 'button', class: 'quiet', 'data-claimreview': detail.id }, 'Show the ClaimReview JSON-LD'),
          claimReview,
        ),
    ),
  );
  showNotice();
}

ui.claim.addEventListener('click', (event) => {
  const target = event.target as Element;
  const open = target.closest<HTMLElement>('[data-open]');
  if (open?.dataset.open) {
    void selectClaim(open.dataset.open);
    return;
  }
  const ld = target.closest<HTMLButtonElement>('[data-claimreview]');
  if (ld?.dataset.claimreview && state.creds) {
    const slot = ld.nextElementSibling;
    ld.disabled = true;
    fetchClaimReview(state.creds, ld.dataset.claimreview).then(
      (doc) => slot?.replaceChildren(h('pre', { tabindex: 0, 'aria-label': 'ClaimReview JSON-LD' }, JSON.stringify(doc, null, 2))),
      (error: unknown) => failed(error, 'claim'),
    ).finally(() => { ld.disabled = false; });
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
    announce(`${VERDICT_LABELS[verdict]}: “${detail.text}”.`);
    afterReview(updated.id, updated.status);
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

/** A claim that no longer matches the status filter leaves the queue, and the next one is opened. */
function afterReview(id: string, status: ClaimRecord['status']): void {
  const index = state.items.findIndex((i) => i.id === id);
  if (status !== currentFilters().status && index >= 0) {
    state.items.splice(index, 1);
    renderQueue();
    const next = state.items[index] ?? state.items[index - 1];
    if (next) void selectClaim(next.id);
    else if (state.nextCursor) void loadQueue();
    else showEmpty();
  } else {
    const item = state.items[index];
    if (item) item.status = status;
    renderQueue();
    void selectClaim(id);
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
  if (!next || next.id === state.selectedId) return;
  const focusInList = ui.list.contains(document.activeElement);
  void selectClaim(next.id);
  if (focusInList) ui.list.querySelector<HTMLElement>(`button.queue-item[aria-current="true"]`)?.focus();
}

document.addEventListener('keydown', (event) => {
  if (!state.creds || ui.help.open || event.defaultPrevented || event.repeat) return;
  const shortcut = shortcutOf(event, keyTarget(event.target));
  if (!shortcut) return;
  event.preventDefault();
  if (shortcut.action === 'next') move(1);
  else if (shortcut.action === 'previous') move(-1);
  else if (shortcut.action === 'help') openHelp();
  else if (shortcut.action === 'verdict' && state.detail && state.detail.id === state.selectedId) void submitVerdict(shortcut.verdict);
});

function openHelp(): void {
  const list = byId('help-list');
  list.replaceChildren(...SHORTCUTS.flatMap((s) => [h('dt', {}, ...s.keys.split(' or ').flatMap((k, i) => [i > 0 ? ' or ' : '', h('kbd', {}, k)])), h('dd', {}, s.description)]));
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
    failed(error);
  }
}
byId('export-jsonl').addEventListener('click', () => void download('jsonl'));
byId('export-csv').addEventListener('click', () => void download('csv'));

window.addEventListener('hashchange', () => {
  const id = claimFromHash();
  if (id && id !== state.selectedId && state.creds) void selectClaim(id);
});

// ---------------------------------------------------------------- start

state.openFromAddress = claimFromHash();
const saved = readCredentials();
if (saved) {
  signedIn(saved);
  void loadQueue();
} else showSignIn();
