import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { type Express, type Response } from 'express';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { usesDevelopmentSecret } from '../auth/tokens';
import { checkText } from '../common/input-text';
import type { Config } from '../config';
import { createContext } from '../context';
import { isDatabaseUnavailable } from '../database/database-errors';
import { noSections } from '../person/profile-lookahead';
import { devTokenRouter } from './dev-token';
import { builtUiDir } from './ui-files';

export interface WebUiOptions {
  db: DataSource;
  config: Config;
  /** The production build of web/ (index.html, graphiql.html, assets/); dist/web unless given. */
  dir?: string;
}

/**
 * The reference web UI (web/, built by `npm run build`): the single-page app at `/`, `/skills` and
 * `/people/:handle`, GraphiQL at `/graphiql`, and with the development secret the development sign-in.
 */
export function mountWebUi(app: Express, { db, config, dir = builtUiDir() }: WebUiOptions): void {
  // Signing tokens for whoever asks is harmless only while anyone could sign them anyway: with
  // JWT_SECRET or JWT_JWKS_URL set, even outside production, there is no such route.
  if (usesDevelopmentSecret(config)) app.use(devTokenRouter(config));

  const page = (name: string) => {
    const file = resolve(dir, name);
    // Read once in production; during development a rebuilt UI shows without a restart.
    let cached: string | undefined;
    return (): string | undefined => {
      if (cached !== undefined) return cached;
      if (!existsSync(file)) return undefined;
      const html = readFileSync(file, 'utf8');
      if (config.NODE_ENV === 'production') cached = html;
      return html;
    };
  };
  const appHtml = page('index.html');
  const graphiqlHtml = page('graphiql.html');

  const send = (res: Response, html: string | undefined, status = 200) => {
    if (html === undefined) {
      res.status(503).type('text/plain').send('The web UI is not built: run `npm run build` (npm start does it).');
      return;
    }
    // The HTML names content-hashed assets: it must be revalidated, they need never be.
    res.status(status).set('Cache-Control', 'no-cache').type('html').send(html);
  };

  app.use('/assets', express.static(resolve(dir, 'assets'), { immutable: true, maxAge: '1y', index: false }));
  app.get('/graphiql', (_req, res) => send(res, graphiqlHtml()));
  app.get(['/', '/skills'], (_req, res) => send(res, appHtml()));
  // The app renders its own not-found page; the server checks the handle so that the status says so too.
  app.get('/people/:handle', async (req, res, next) => {
    try {
      const { handle } = req.params;
      let exists = false;
      try {
        checkText({ handle });
        const person = await createContext(db, randomUUID()).loaders.personByHandle.load({ key: handle, sections: noSections });
        exists = person !== null;
      } catch (error) {
        // The app shows the outage itself (SERVICE_UNAVAILABLE) when its own query fails.
        if (isDatabaseUnavailable(error)) return send(res, appHtml(), 503);
        // checkText's BAD_USER_INPUT: no profile can have such a handle.
        if (!(error instanceof GraphQLError)) throw error;
      }
      send(res, appHtml(), exists ? 200 : 404);
    } catch (error) {
      next(error);
    }
  });
}
