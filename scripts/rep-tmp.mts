import { loadAnnotatedDirs } from './evaluation/corpus';
import { extractAll, runReplay, replayCorroboration } from './evaluation/replay';
import { explainLinks, formatExplanation } from './evaluation/explain';
for (const dir of process.argv.slice(2).filter((a) => !a.startsWith('-'))) {
  const articles = await loadAnnotatedDirs([dir]);
  const run = runReplay(extractAll(articles));
  const out = formatExplanation(explainLinks(articles, run.predicted, replayCorroboration(articles)), process.argv.includes('-v'));
  console.log(dir); console.log(out.split('\n').filter((l) => /articles \(|^  (story|score|threshold|extraction|dimension) /.test(l) || process.argv.includes('-v')).join('\n'));
  const g = new Map<string, string[]>();
  for (const a of articles) g.set(run.storyOf(a.id), [...(g.get(run.storyOf(a.id)) ?? []), a.id]);
  for (const [k, v] of g) if (v.length > 1) console.log('  story', k, v.join(' '));
}
