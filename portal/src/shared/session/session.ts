import { useQuery } from '@tanstack/react-query';
import { send } from '../api/client';

export type Role = 'NationalUnit' | 'TenantAdmin' | 'Supervisor' | 'Specialist' | 'Viewer';

/** Who is signed in, as the gateway's /bff/user tells it: names and roles, never a token. */
export interface User {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  tenant: { id: string; slug: string; name: string } | null;
  language: string;
}

export const userQueryKey = ['bff', 'user'] as const;

async function fetchUser(): Promise<User | null> {
  const response = await send('/bff/user');
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`/bff/user answered ${response.status}`);
  return (await response.json()) as User;
}

export function useUser() {
  return useQuery({ queryKey: userQueryKey, queryFn: fetchUser, staleTime: 5 * 60_000, retry: 1 });
}

export function hasRole(user: User | null | undefined, ...roles: Role[]): boolean {
  return !!user && user.roles.some((role) => roles.includes(role));
}

/** Sign-in happens on the token server's page (authorization code + PKCE through the gateway), then comes back here. */
export function signInUrl(returnUrl: string, language: string): string {
  const query = new URLSearchParams({ returnUrl });
  if (language.startsWith('en')) query.set('lang', 'en');
  return `/bff/login?${query}`;
}

export async function signOut(): Promise<void> {
  await send('/bff/logout', { method: 'POST' });
}

/** The page each role lands on after signing in. */
export function homeOf(user: User): string {
  if (hasRole(user, 'NationalUnit')) return '/nacional';
  if (hasRole(user, 'TenantAdmin')) return '/inicio';
  if (hasRole(user, 'Supervisor', 'Specialist')) return '/mi-trabajo';
  return '/panel';
}
