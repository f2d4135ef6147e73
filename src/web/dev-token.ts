import express, { type Router } from 'express';
import { signToken } from '../auth/sign-token';
import type { Config } from '../config';

// The web UI's "Sign in as…": outside production anyone may have a token for any account, as with
// `npm run token`. In production this router is never mounted, so the route does not exist (404).
export function devTokenRouter(config: Config): Router {
  const router = express.Router();
  router.post('/dev/token', express.json({ limit: 1024 }), async (req, res) => {
    const body = req.body as { subject?: unknown; admin?: unknown } | undefined;
    const subject = typeof body?.subject === 'string' ? body.subject.trim() : '';
    if (!/^[\w.@:-]{1,100}$/.test(subject)) {
      res.status(400).json({
        errors: [
          {
            message: 'subject: letters, digits and . _ @ : - only, 1 to 100',
            extensions: { code: 'BAD_USER_INPUT', field: ['subject'] },
          },
        ],
      });
      return;
    }
    res.set('Cache-Control', 'no-store');
    res.json({ token: await signToken(config, { subject, admin: body?.admin === true, expires: '8h' }) });
  });
  return router;
}
