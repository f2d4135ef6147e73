import { useApolloClient } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useEditSession } from './edit-session';
import { Field } from './field';
import { ImportResumeMutation } from './mutations';

// importResume replaces the whole profile: the user confirms first, and like every edit it sends the
// version this page read, so a change made meanwhile is a CONFLICT shown by the edit session.
export function ResumeImport() {
  const client = useApolloClient();
  const { person, run } = useEditSession();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let resume: unknown;
    try {
      resume = JSON.parse(text);
    } catch {
      setProblem('This is not JSON: paste a JSON Resume document (jsonresume.org).');
      return;
    }
    if (!window.confirm(`Replace the whole profile of @${person.handle} with this document?`)) return;
    const result = await run((version) =>
      client.mutate({ mutation: ImportResumeMutation, variables: { input: { handle: person.handle, resume, version } } }),
    );
    setProblem(result.ok ? undefined : (Object.values(result.problems)[0] ?? undefined));
    if (result.ok) setText('');
  };
  const readFile = async (file: File | undefined) => {
    if (file) setText(await file.text());
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="import-title">
      <fieldset>
        <legend id="import-title">Import a JSON Resume</legend>
        <p className="muted">Replaces roles, education and skills with the document’s work, education and skills.</p>
        <label>
          From a file
          <input type="file" accept="application/json,.json" onChange={(event) => void readFile(event.target.files?.[0])} />
        </label>
        <Field label="Or paste the document" value={text} onChange={setText} error={problem} multiline />
        <div className="row-actions">
          <button type="submit" disabled={!text.trim()}>
            Import
          </button>
        </div>
      </fieldset>
    </form>
  );
}
