import type { Operation } from '../../operations';

// What a PostGraphile client sends for the service's ProfilePage and PeopleList (bench/operations.ts):
// the same fields in the same order, in PostGraphile's own names and shapes (connections with
// `nodes`, person_skill between a person and a skill). Lists come in the service's order: roles
// and degrees by position then id, skills by position, people newest first with the id breaking
// ties. `npm run bench` checks, before measuring, that both find the same things.

export const postGraphileProfilePage: Operation = {
  name: 'ProfilePage',
  query: `query ProfilePage($handle: String!) {
  personByHandle(handle: $handle) {
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
    rolesByPersonId(orderBy: [POSITION_ASC, ROW_ID_ASC]) {
      nodes { id title company location startDate endDate isCurrent description highlights }
    }
    degreesByPersonId(orderBy: [POSITION_ASC, ROW_ID_ASC]) {
      nodes { id institution degree field startDate endDate description }
    }
    personSkillsByPersonId(orderBy: POSITION_ASC) {
      nodes { skillBySkillId { id name slug category } }
    }
  }
}`,
};

const peopleOrder = '[CREATED_AT_DESC, ROW_ID_DESC]';

export const postGraphilePeopleList: Operation = {
  name: 'PeopleList',
  query: `query PeopleList($after: Cursor) {
  allPeople(first: 20, after: $after, orderBy: ${peopleOrder}) {
    edges {
      cursor
      node {
        handle
        name
        headline
        rolesByPersonId(first: 3, orderBy: [POSITION_ASC, ROW_ID_ASC]) { nodes { title company startDate endDate } }
        personSkillsByPersonId(orderBy: POSITION_ASC) { nodes { skillBySkillId { name } } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`,
};

/** Pages through allPeople in PeopleList's order, for PostGraphile's own cursors. */
export const postGraphileCursorWalk = `query BenchCursorWalk($first: Int!, $after: Cursor) {
  allPeople(first: $first, after: $after, orderBy: ${peopleOrder}) { pageInfo { hasNextPage endCursor } }
}`;
