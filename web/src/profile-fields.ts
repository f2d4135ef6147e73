import { graphql } from './gql';

// Everything the profile page shows; every mutation of the editor asks for it back, so the
// normalised cache (and so the page) is current after each write.
export const ProfileFieldsFragment = graphql(`
  fragment ProfileFields on Person {
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
    updatedAt
    email
    phone
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
`);

export const ProfileQuery = graphql(`
  query Profile($handle: String!) {
    person(handle: $handle) {
      ...ProfileFields
    }
    viewer {
      id
    }
  }
`);
