// The same pipeline inside an Express 5 app, for embedding and for supertest. Express only
// hands the request over: no router, body parser or error page is on the request path.
import express, { type Express } from 'express';

import { createHandler, type MockOptions } from './create-handler';

export function createApp(options: MockOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');

  const handler = createHandler(options);
  app.use((req, res) => handler(req, res));
  return app;
}
