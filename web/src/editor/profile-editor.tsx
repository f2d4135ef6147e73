import type { ProfileFieldsFragment } from '../gql/graphql';
import { BasicsForm } from './basics-form';
import { EditSessionProvider } from './edit-session';
import { ResumeImport } from './resume-import';
import { DegreesEditor, RolesEditor } from './sections-editor';
import { SkillsEditor } from './skills-editor';

// Loaded only when an owner or admin starts editing: visitors never download it.
export default function ProfileEditor({ person }: { person: ProfileFieldsFragment }) {
  return (
    <div className="editor">
      <h1>Editing {person.name}</h1>
      <EditSessionProvider person={person}>
        <BasicsForm key={person.version} />
        <RolesEditor />
        <DegreesEditor />
        <SkillsEditor />
        <ResumeImport />
      </EditSessionProvider>
    </div>
  );
}
