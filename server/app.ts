import express from 'express';
import helmet from 'helmet';
import { apiRoutes } from './api-routes.js';
import { oidcPaths, oidcRouter } from './auth/oidc/oidc-routes.js';
import { healthPaths, healthRouter } from './health/health-routes.js';
import { errorHandler, notFoundHandler } from './http/error-handler.js';
import { mountRoutes } from './http/mount-routes.js';
import { httpMetrics } from './metrics/http-metrics.js';
import { metricsPaths, metricsRouter } from './metrics/metrics-routes.js';
import { requestLog } from './http/request-log.js';
import { siteCors } from './http/site-cors.js';
import { consolePage } from './pages/console-page.js';
import { demoPage } from './pages/demo-page.js';
import { sdkStatic } from './pages/sdk-static.js';
import { buildOpenApiDocument, type ExtraPath } from './openapi/openapi-document.js';
import type { ServerDeps } from './server-deps.js';

export const API_VERSION = '0.1.0';
const pagePaths: ExtraPath[] = [
  {
    path: '/api/v1/openapi.json',
    method: 'get',
    operationId: 'openapi',
    summary: 'This OpenAPI 3.1 document.',
    responses: { 200: { description: 'The document.' } },
  },
  {
    path: '/moderate',
    method: 'get',
    operationId: 'moderatorConsole',
    summary: 'The moderator console (HTML); sign in with a moderator token.',
    responses: { 200: { description: 'The page.' } },
  },
  {
    path: '/moderate/{page}',
    method: 'get',
    operationId: 'moderatorConsolePage',
    summary: 'A page of the moderator console (search, articles, stats, audit, settings): the same HTML, which shows that page.',
    responses: { 200: { description: 'The page.' } },
  },
  {
    path: '/moderate/{page}/{id}',
    method: 'get',
    operationId: 'moderatorConsoleItem',
    summary: 'An article, author or comment in the moderator console (`/moderate/articles/{id}`…): the same HTML.',
    responses: { 200: { description: 'The page.' } },
  },
  {
    path: '/demo',
    method: 'get',
    operationId: 'demoArticle',
    summary: 'A demo article page with the comment widget (`?site&siteKey&article&lang`).',
    responses: { 200: { description: 'The page.' }, 404: { description: 'No demo site.' } },
  },
];

/** The OpenAPI document of the API, as served at /api/v1/openapi.json. */
export const openApiDocument = (): Record<string, unknown> =>
  buildOpenApiDocument(apiRoutes, [...healthPaths, ...metricsPaths, ...pagePaths, ...oidcPaths], API_VERSION);

/** The Express application, without listening: tests and the server entry point share it. */
export function createApp(deps: ServerDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.TRUST_PROXY);
  app.set('json spaces', 0);
  app.use(requestLog(deps.log));
  app.use(httpMetrics(deps.metrics));
  app.use(helmet());
  app.use(healthRouter(deps));
  app.use(metricsRouter(deps));
  app.use('/sdk', sdkStatic());
  // the console's pages (statistics, audit, settings…) are routes of the one page: a reload or a link lands on it
  app.get('/moderate', consolePage(deps));
  app.get('/moderate/:page', consolePage(deps));
  app.get('/moderate/:page/:id', consolePage(deps));
  app.use(oidcRouter(deps));
  app.get('/demo', demoPage(deps));
  const openapi = openApiDocument();
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use('/api/v1', siteCors(deps));
  app.use('/api/v1', express.json({ limit: '64kb', strict: true }));
  app.use('/api/v1', mountRoutes(deps, apiRoutes));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
