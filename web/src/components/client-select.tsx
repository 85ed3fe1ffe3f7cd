import { useCallback, useMemo, useState } from 'react';
import { ORGANIZATIONS, type Organization } from '../api/operations';
import { replaceSearch } from '../router/router';
import { isId, offeredChoice, searchChoice, searchWith } from '../router/search-choice';
import { FilterSelect } from './filter-select';
import { useQuery } from './use-query';

/**
 * The organizations provider staff choose from (the API's `organizations`), read once per page:
 * `organizations` every one (the provider too), `clients` the client ones. `skip` for a client
 * user, whose screens show their own organization only.
 */
export function useClientOrganizations(skip = false) {
  const query = useQuery(ORGANIZATIONS, {}, skip);
  const data = query.data;
  const organizations = useMemo(() => data?.organizations ?? [], [data]);
  const clients = useMemo(() => organizations.filter((o) => o.kind === 'CLIENT'), [organizations]);
  return { ...query, organizations, clients };
}

/**
 * The client a staff screen of one client at a time shows (queue, checkpoints, contracts), kept in
 * the address as `?cliente=<id>` like the ticket list's and the SLA board's (QA S18: a reload, or
 * Back from a ticket, went back to the first client). An ID not among `clients` (a client gone, a
 * bad link) gives the first; '' until they are read.
 */
export function useChosenClient(
  clients: readonly Organization[],
): readonly [string, (id: string) => void] {
  return useChosenOrganization(clients, 'first', 'cliente');
}

/**
 * The organization a staff screen is narrowed to, kept in the address as `?<param>=<id>` (the
 * client screens' `cliente`, the users page's `organizacion`: the provider is one too) and read
 * back with the address's one reader: an ID not among `organizations` gives the default. `first`:
 * the first organization ('' until they are read), for screens of one client at a time; `all`: ''
 * («Todos»), for screens that can show every one (the users page), where an ID is kept while the
 * organizations are not read yet (`undefined`), so the screen does not read everyone's first.
 */
export function useChosenOrganization(
  organizations: readonly Pick<Organization, 'id'>[] | undefined,
  fallback: 'first' | 'all',
  param: string,
): readonly [string, (id: string) => void] {
  const [chosen, setChosen] = useState(() => searchChoice(window.location.search, param, isId, ''));
  const choose = useCallback(
    (id: string) => {
      setChosen(id);
      replaceSearch(searchWith(window.location.search, { [param]: id }));
    },
    [param],
  );
  const ids = useMemo(() => organizations?.map((o) => o.id), [organizations]);
  const shown =
    fallback === 'first'
      ? offeredChoice(chosen, ids ?? [], ids?.[0] ?? '')
      : offeredChoice(chosen, ids ?? isId, '');
  return [shown, choose] as const;
}

/**
 * The labelled organization picker of the staff screens (ticket list, users, queue, checkpoints,
 * SLA board, contracts): `organizations` by name as the API lists them; `allLabel` adds a first
 * choice of value '' («Todos los clientes») where the screen can show every one at once.
 */
export function ClientSelect({
  id,
  label,
  value,
  onChange,
  organizations,
  allLabel,
}: {
  id: string;
  label: string;
  /** The chosen organization's ID ('' = all, with `allLabel`). */
  value: string;
  onChange: (organizationId: string) => void;
  organizations: readonly Pick<Organization, 'id' | 'name'>[];
  allLabel?: string;
}) {
  return (
    <FilterSelect
      id={id}
      label={label}
      value={value}
      onChange={onChange}
      options={[
        ...(allLabel !== undefined ? [['', allLabel] as const] : []),
        ...organizations.map((o) => [o.id, o.name] as const),
      ]}
    />
  );
}
