// The four operations the UIs send most, exactly as `npm run bench` sends them. The floor
// (bench/floor) answers ProfilePage and PeopleList only when it gets these very texts, and
// tests/floor.test.ts holds it to the service's answers for them.

export const operationNames = ['ProfilePage', 'PeopleList', 'TalentSearch', 'SkillDirectory'] as const;
export type OperationName = (typeof operationNames)[number];

export interface Operation {
  name: OperationName;
  query: string;
}

export function isOperationName(name: string): name is OperationName {
  return (operationNames as readonly string[]).includes(name);
}

/** What a row of a people list shows; shared by PeopleList and TalentSearch. */
const personListEdges = `edges {
      cursor
      node {
        handle
        name
        headline
        roles(first: 3) { title company startDate endDate }
        skills { name }
      }
    }
    pageInfo { hasNextPage endCursor }`;

/** A whole profile page: every public field, every section in full. */
export const profilePage: Operation = {
  name: 'ProfilePage',
  query: `query ProfilePage($handle: String!) {
  person(handle: $handle) {
    id
    handle
    name
    headline
    summary
    location
    availability
    website
    authorizedToWorkIn
    jobCategories
    version
    createdAt
    updatedAt
    roles { id title company location startDate endDate isCurrent description highlights }
    degrees { id institution degree field startDate endDate description }
    skills { id name slug category }
  }
}`,
};

/** The talent list, 20 a page; `after` is a cursor from an earlier page (null: the first). */
export const peopleList: Operation = {
  name: 'PeopleList',
  query: `query PeopleList($after: String) {
  people(first: 20, after: $after) {
    ${personListEdges}
  }
}`,
};

/** Search by skills and a word, with how many match and the skills most common among them. */
export const talentSearch: Operation = {
  name: 'TalentSearch',
  query: `query TalentSearch($skills: [String!], $search: String, $location: String) {
  people(first: 20, filter: { skills: $skills, search: $search, location: $location }) {
    totalCount
    ${personListEdges}
    skillFacets(first: 10) { skill { name } count }
  }
}`,
};

/** The directory's most popular skills, and the autocomplete under its search box. */
export const skillDirectory: Operation = {
  name: 'SkillDirectory',
  query: `query SkillDirectory($prefix: String!) {
  popular: skills(first: 50, orderBy: { field: POPULARITY, direction: DESC }) {
    nodes { id name slug peopleCount }
  }
  suggestions: skills(first: 10, filter: { search: $prefix }) {
    nodes { id name slug peopleCount }
  }
}`,
};

export const operations: Record<OperationName, Operation> = {
  ProfilePage: profilePage,
  PeopleList: peopleList,
  TalentSearch: talentSearch,
  SkillDirectory: skillDirectory,
};

/** The JSON body a client POSTs to /graphql for one operation. */
export function requestBody(operation: Operation, variables: Record<string, unknown>): string {
  return JSON.stringify({ operationName: operation.name, query: operation.query, variables });
}
