import { loadAnnotatedDirs } from './evaluation/corpus';
import { extractAll, runReplay } from './evaluation/replay';
import { MODELS } from '../shared/corroboration/model';
import { articleSignature, storyFeatures, STORY_FEATURES } from '../shared/corroboration/stories';
import { probability } from '../shared/corroboration/model';
const arts = await loadAnnotatedDirs(['test/fixtures/corpus', '/work/shared/corpus/dev']);
const ex = extractAll(arts).sort((a, b) => (a.article.publishedAt ?? '').localeCompare(b.article.publishedAt ?? ''));
const st = Number(process.env.ST ?? 0.85);
const run = runReplay(ex, { ...MODELS, story: { ...MODELS.story, threshold: st } });
const prefix = process.env.P ?? 'story-';
const sig = new Map(ex.map(e => [e.article.id, articleSignature(e.article, e.entries)]));
const mine = ex.filter(e => e.article.id.startsWith(prefix));
for (const e of mine) console.log(e.article.id, e.article.publishedAt, '->', run.storyOf(e.article.id));
for (const a of mine) for (const b of mine) if (a.article.id < b.article.id) {
  const f = storyFeatures(sig.get(a.article.id)!, a.article.publishedAt, sig.get(b.article.id)!, b.article.publishedAt);
  console.log(a.article.id, b.article.id, probability(MODELS.story, f).toFixed(3), f.map(x => Math.round(Math.expm1(x))).join(' '));
}
