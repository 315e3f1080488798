import { loadAnnotatedDirs } from './evaluation/corpus';
import { extractAll, runReplay } from './evaluation/replay';
import { MODELS } from '../shared/corroboration/model';
import { scoreLinks } from './evaluation/links';
const dirs = process.argv.slice(2);
const arts = await loadAnnotatedDirs(dirs);
const ex = extractAll(arts).sort((a, b) => (a.article.publishedAt ?? '').localeCompare(b.article.publishedAt ?? ''));
for (const [st, ft] of [[0.3,0.7],[0.5, 0.7], [0.5, 0.8], [0.5, 0.9]]) {
const run = runReplay(ex, { ...MODELS, story: { ...MODELS.story, threshold: st! }, fact: { ...MODELS.fact, threshold: ft! } });
const s = scoreLinks(arts, run.predicted);
console.log(st, ft, `gold ${s.gold} pred ${s.predicted} P ${s.links.precision.toFixed(3)} R ${s.links.recall.toFixed(3)} F1 ${s.links.f1.toFixed(3)} unrel ${s.unrelatedLinked}`);
}
