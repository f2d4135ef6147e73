import type { PersonFilter, PersonOrderField } from './gql/graphql';

// The whole search lives in the URL (?q=…&skill=…&location=…), so it can be shared, reloaded and
// reached again with the back button.
export interface Search {
  q: string;
  skills: string[];
  location: string;
  availability: string;
  jobCategory: string;
  authorizedToWorkIn: string;
  order: PersonOrderField | '';
}

const orders: readonly PersonOrderField[] = ['RELEVANCE', 'NAME', 'CREATED_AT', 'UPDATED_AT'];

export function readSearch(params: URLSearchParams): Search {
  const order = params.get('order') ?? '';
  return {
    q: params.get('q') ?? '',
    skills: params.getAll('skill').filter(Boolean),
    location: params.get('location') ?? '',
    availability: params.get('availability') ?? '',
    jobCategory: params.get('category') ?? '',
    authorizedToWorkIn: params.get('authorized') ?? '',
    order: (orders as readonly string[]).includes(order) ? (order as PersonOrderField) : '',
  };
}

export function searchUrl(search: Search): string {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  for (const skill of search.skills) params.append('skill', skill);
  if (search.location) params.set('location', search.location);
  if (search.availability) params.set('availability', search.availability);
  if (search.jobCategory) params.set('category', search.jobCategory);
  if (search.authorizedToWorkIn) params.set('authorized', search.authorizedToWorkIn);
  if (search.order) params.set('order', search.order);
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

export function searchFilter(search: Search): PersonFilter | null {
  const filter: PersonFilter = {};
  if (search.q.trim()) filter.search = search.q.trim();
  if (search.skills.length) filter.skills = search.skills;
  if (search.location.trim()) filter.location = search.location.trim();
  if (search.availability.trim()) filter.availability = search.availability.trim();
  if (search.jobCategory.trim()) filter.jobCategory = search.jobCategory.trim();
  if (search.authorizedToWorkIn.trim()) filter.authorizedToWorkIn = search.authorizedToWorkIn.trim();
  return Object.keys(filter).length ? filter : null;
}
