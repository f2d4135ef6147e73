import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';

// GraphiQL from npm, bundled by Vite: unlike Apollo Sandbox it needs nothing from the internet.
const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).href });
const root = document.getElementById('graphiql');
if (root)
  createRoot(root).render(
    <GraphiQL fetcher={fetcher} defaultQuery={'{\n  person(handle: "petercai") {\n    name\n    headline\n  }\n}\n'} />,
  );
