// Providers and the settings that shape runs: addresses, keys, model discovery, prices, threshold.
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProviderHealth, ProviderStatus } from '../../shared/providers';
import type { SettingUpdate, Settings } from '../../shared/settings';
import { client } from './client';
import { queryKeys } from './queryKeys';

export function useProviders(enabled = true) {
  return useQuery<ProviderStatus[]>({ queryKey: queryKeys.providers, queryFn: () => client.listProviders({}), enabled });
}

const checkQuery = (provider: string) => ({
  queryKey: queryKeys.providerCheck(provider),
  queryFn: () => client.checkProvider({ provider }),
  // Discovery asks a server (maybe a paid one); a minute-old model list is good enough.
  staleTime: 60_000,
  retry: false,
});

/** One provider's health and models. `enabled: false` waits for `refetch()` (the Check button). */
export function useProviderCheck(provider: string, enabled: boolean) {
  return useQuery<ProviderHealth>({ ...checkQuery(provider), enabled });
}

/** Every provider's health and models, for the run dialog's model picker. */
export function useProviderChecks(providers: readonly string[]) {
  return useQueries({ queries: providers.map((provider) => checkQuery(provider)) });
}

export function useSetProviderKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { provider: string; key: string | null }) => client.setProviderKey(request),
    onSuccess: (status) => {
      queryClient.setQueryData<ProviderStatus[]>(queryKeys.providers, (list) =>
        list?.map((entry) => (entry.id === status.id ? status : entry)),
      );
      // The last check was about the old key: drop it rather than show a stale verdict.
      void queryClient.resetQueries({ queryKey: queryKeys.providerCheck(status.id) });
    },
  });
}

/** Any setting; the answer is all settings, which goes straight into the cache. */
export function useSetSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: SettingUpdate) => client.setSetting(update),
    onSuccess: (settings: Settings, update) => {
      queryClient.setQueryData(queryKeys.settings, settings);
      void queryClient.invalidateQueries({ queryKey: ['estimate'] });
      if (update.key === 'providers') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.providers });
        void queryClient.resetQueries({ queryKey: ['providerCheck'] });
      }
    },
  });
}
