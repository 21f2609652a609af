import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { queueQueries } from '../../../components/queue/queue-queries';
import { rereadCrmPeople } from '../../../components/options/reread-crm-people';

describe('rereadCrmPeople (after a connection or credential change)', () => {
  it('a read of the old connection still on its way is dropped: the watched list ends with the new connection\'s people', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let connection = 'old portal';
    const answers: Array<(people: string[]) => void> = [];
    const key = [...queueQueries.all, 'people'];
    const observer = new QueryObserver<string[]>(client, {
      queryKey: key,
      queryFn: () => {
        const asked = connection;
        return new Promise<string[]>((resolve) => answers.push(() => resolve([`someone at ${asked}`])));
      },
    });
    const seen: Array<string[] | undefined> = [];
    const unsubscribe = observer.subscribe((result) => seen.push(result.data));
    await Promise.resolve();
    expect(answers).toHaveLength(1);
    // The admin saves a key for another portal while the first read is out.
    connection = 'new portal';
    const reread = rereadCrmPeople(client);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(answers).toHaveLength(2);
    // The old portal answers late, then the new one.
    answers[0]!([]);
    answers[1]!([]);
    await reread;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(client.getQueryData(key)).toEqual(['someone at new portal']);
    expect(seen.filter(Boolean)).toEqual([['someone at new portal']]);
    unsubscribe();
  });
});
