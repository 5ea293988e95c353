import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { GongjiDataProvider } from '../data/dataProvider';

export function useRolloutSummary(on: string) {
  const dataProvider = useDataProvider<GongjiDataProvider>();
  return useQuery({
    queryKey: ['rolloutSummary', on],
    queryFn: () => dataProvider.rolloutSummary(on),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(on),
  });
}

export function useRolloutTimeline(from: string, to: string) {
  const dataProvider = useDataProvider<GongjiDataProvider>();
  return useQuery({
    queryKey: ['rolloutTimeline', from, to],
    queryFn: () => dataProvider.rolloutTimeline(from, to),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to,
  });
}
