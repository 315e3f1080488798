import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable, type LocalService, startDynalite } from '../../scripts/local/services';
import { dynamoDocumentClient } from '../../shared/adapters/clients';
import { dynamoStores } from '../../shared/adapters/dynamo';
import type { Story } from '../../shared/corroboration/stories';

let dynamo: LocalService;
let stores: ReturnType<typeof dynamoStores>;

beforeAll(async () => {
  dynamo = await startDynalite();
  await createTable(dynamo.endpoint, 'stories');
  stores = dynamoStores(dynamoDocumentClient(dynamo.endpoint), 'stories');
}, 30_000);

afterAll(async () => {
  await dynamo?.close();
});

const story = (id: string, publishedAt: string): Story => ({
  id,
  version: 0,
  merged: [],
  members: [{
    articleId: `art_${id}`, source: `${id}.example`, publishedAt,
    signature: { names: [], generic: [], latinSounds: [], arabicSounds: [], words: [], figures: [], roughFigures: [] },
  }],
});

describe('the stories active around an article', () => {
  it('finds those whose latest article is within two months on either side, whatever the offset it was written with', async () => {
    await stores.stories.saveStory(story('long-before', '2025-12-20T00:00:00Z'), []);
    await stores.stories.saveStory(story('weeks-before', '2026-01-20T09:00:00+07:00'), []);
    await stores.stories.saveStory(story('same-time', '2026-03-01T12:00:00Z'), []);
    await stores.stories.saveStory(story('days-after', '2026-03-09T00:00:00Z'), []);
    await stores.stories.saveStory(story('late-after', '2026-05-01T09:00:00-05:00'), []); // 14:00 UTC, two hours past the window
    await stores.stories.saveStory(story('merged', '2026-02-15T00:00:00Z'), []);
    await stores.stories.saveStory({ ...story('joined', '2026-02-16T00:00:00Z'), merged: ['merged'] }, [story('merged', '2026-02-15T00:00:00Z')]);

    const found = await stores.stories.candidateStories('2026-03-01T12:00:00Z');
    expect(found.map((s) => s.id).sort()).toEqual(['days-after', 'joined', 'same-time', 'weeks-before']);
    expect((await stores.stories.candidateStories('2025-11-01T00:00:00+01:00')).map((s) => s.id)).toEqual(['long-before']);
  });
});
