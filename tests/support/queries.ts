// The operations UIs run, shared by the tests.

/** Every field a profile page shows. */
export const profileFields = /* GraphQL */ `
  {
    id
    handle
    name
    headline
    summary
    location
    availability
    email
    phone
    website
    authorizedToWorkIn
    jobCategories
    createdAt
    updatedAt
    roles {
      id
      title
      company
      location
      startDate
      endDate
      isCurrent
      description
      highlights
    }
    degrees {
      id
      institution
      degree
      field
      startDate
      endDate
      description
    }
    skills {
      id
      name
      slug
    }
  }
`;

export const profilePageQuery = /* GraphQL */ `
  query ProfilePage($handle: String!) {
    person(handle: $handle) ${profileFields}
  }
`;

export const peopleListQuery = /* GraphQL */ `
  query PeopleList($first: Int, $after: String) {
    people(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          id
          handle
          name
          headline
          roles(first: 3) {
            title
            company
            startDate
            endDate
          }
          degrees {
            institution
            degree
          }
          skills {
            name
            peopleCount
          }
        }
      }
    }
  }
`;
