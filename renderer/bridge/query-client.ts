import { QueryClient } from '@tanstack/react-query';

/**
 * Commands answer from the local main process: a failure is an answer to show, not a
 * flaky network to retry, and focus changes in a desktop app are not a reason to refetch.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
