/**
 * `@palabre/client/console`: the moderator console for a page of your own (the server serves
 * it at /moderate). Sign the moderator in, then start it in an element.
 * @example
 * import { createModeratorClient } from '@palabre/client';
 * import { CONSOLE_CSS, sessionFrom, startConsole } from '@palabre/client/console';
 * const session = sessionFrom(token)!;
 * startConsole({ root, session, client: createModeratorClient({ url, token }), onSignOut, onLang, basePath: '/moderate' });
 */
export { startConsole, type ConsoleOptions } from './console-app.js';
export { sessionFrom, type Session } from './session.js';
export { CONSOLE_CSS } from './styles.js';
export type { Lang } from './i18n.js';
