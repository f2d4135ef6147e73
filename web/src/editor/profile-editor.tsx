import type { ProfileFieldsFragment } from '../gql/graphql';

export default function ProfileEditor({ person }: { person: ProfileFieldsFragment }) {
  return <p>Editing {person.name}</p>;
}
