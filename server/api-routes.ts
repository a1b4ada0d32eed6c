import { articleRoutes } from './articles/article-routes.js';
import { authorRoutes } from './authors/author-routes.js';
import { dataRightsRoutes } from './authors/data-rights-routes.js';
import { authorNoteRoutes } from './authors/author-note-routes.js';
import { policySimulateRoutes } from './sites/policy-simulate-routes.js';
import { statementRoutes } from './comments/statement-routes.js';
import { commentRoutes } from './comments/comment-routes.js';
import { reactionRoutes } from './comments/reaction-routes.js';
import { reportRoutes } from './comments/report-routes.js';
import { insightRoutes } from './moderation/insight-routes.js';
import { adaptationRoutes } from './moderation/adaptation-routes.js';
import { featuredRoutes } from './moderation/featured-routes.js';
import { moderationRoutes } from './moderation/moderation-routes.js';
import { groupRoutes } from './moderation/group-routes.js';
import { moderatorRoutes } from './moderators/moderator-routes.js';
import { siteRoutes } from './sites/site-routes.js';
import { sessionRoutes } from './auth/oidc/oidc-routes.js';
import type { RouteSpec } from './http/route-spec.js';

/** Every /api/v1 route; the OpenAPI document and the router are both built from this list. */
export const apiRoutes: readonly RouteSpec[] = [
  ...siteRoutes,
  ...policySimulateRoutes,
  ...moderatorRoutes,
  ...commentRoutes,
  ...reportRoutes,
  ...reactionRoutes,
  ...moderationRoutes,
  ...featuredRoutes,
  ...groupRoutes,
  ...authorRoutes,
  ...dataRightsRoutes,
  ...authorNoteRoutes,
  ...statementRoutes,
  ...insightRoutes,
  ...adaptationRoutes,
  ...articleRoutes,
  ...sessionRoutes,
];
