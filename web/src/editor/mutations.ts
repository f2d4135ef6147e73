import { graphql } from '../gql';

// Every write answers with the whole profile (ProfileFields), so the normalised cache, and with it
// every page showing this person, holds the new version at once.
export const UpdatePersonMutation = graphql(`
  mutation UpdatePerson($input: UpdatePersonInput!) {
    updatePerson(input: $input) {
      person {
        ...ProfileFields
      }
    }
  }
`);

export const AddRoleMutation = graphql(`
  mutation AddRole($input: AddRoleInput!) {
    addRole(input: $input) {
      person {
        ...ProfileFields
      }
    }
  }
`);

export const UpdateRoleMutation = graphql(`
  mutation UpdateRole($input: UpdateRoleInput!) {
    updateRole(input: $input) {
      person {
        ...ProfileFields
      }
    }
  }
`);

export const RemoveRoleMutation = graphql(`
  mutation RemoveRole($input: RemoveRoleInput!) {
    removeRole(input: $input) {
      person {
        ...ProfileFields
      }
    }
  }
`);

export const ReorderRolesMutation = graphql(`
  mutation ReorderRoles($input: ReorderRolesInput!) {
    reorderRoles(input: $input) {
      person {
        ...ProfileFields
      }
    }
  }
`);

export const AddDegreeMutation = graphql(`
  mutation AddDegree($input: AddDegreeInput!) {
    addDegree(input: $input) {
      person {
        ...ProfileFields
      }
    }
  }
`);

export const UpdateDegreeMutation = graphql(`
  mutation UpdateDegree($input: UpdateDegreeInput!) {
    updateDegree(input: $input) {
      person {
        ...ProfileFields
      }
    }
  }
`);

export const RemoveDegreeMutation = graphql(`
  mutation RemoveDegree($input: RemoveDegreeInput!) {
    removeDegree(input: $input) {
      person {
        ...ProfileFields
      }
    }
  }
`);

export const ReorderDegreesMutation = graphql(`
  mutation ReorderDegrees($input: ReorderDegreesInput!) {
    reorderDegrees(input: $input) {
      person {
        ...ProfileFields
      }
    }
  }
`);

export const SetSkillsMutation = graphql(`
  mutation SetSkills($input: PersonSkillsInput!) {
    setSkills(input: $input) {
      person {
        ...ProfileFields
      }
    }
  }
`);

export const ImportResumeMutation = graphql(`
  mutation ImportResume($input: ImportResumeInput!) {
    importResume(input: $input) {
      person {
        ...ProfileFields
      }
    }
  }
`);
