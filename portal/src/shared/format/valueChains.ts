import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { orThrow } from '../api/problem';

/**
 * The value chains the caller may name: the national catalogue, plus the institution's own for tenant users. Names
 * come from Networks (nameEs / nameEn), one list for every page.
 */
export const valueChainsQuery = queryOptions({
  queryKey: ['value-chains'],
  queryFn: async () => orThrow(await api.GET('/api/value-chains')),
  staleTime: 60 * 60_000,
});

export const useValueChains = () => useQuery(valueChainsQuery);

/** A chain's name in the page's language; its code until the list has loaded (or for a chain no longer listed). */
export function useValueChainName(): (code: string) => string {
  const chains = useValueChains();
  const { i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return (code) => {
    const chain = chains.data?.find((c) => c.code === code);
    return chain ? (english ? chain.nameEn : chain.nameEs) : code;
  };
}
