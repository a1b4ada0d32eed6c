# syntax=docker/dockerfile:1
# One image for the server and the workers; the command picks which:
#   node dist/server/main.js   (the default)     node dist/workers/main.js
# Build: docker build -t palabre .   The final stage holds only what runs: no compiler, no dev
# dependencies, no sources; it runs as the unprivileged `node` user (uid 1000).

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY protocol ./protocol
COPY core ./core
COPY server ./server
COPY workers ./workers
COPY training ./training
COPY scripts ./scripts
COPY client-sdk ./client-sdk
COPY models ./models
RUN node client-sdk/build.mjs && npx tsc -p tsconfig.json && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# owned by root and only readable by the node user: the process cannot change its own code
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/client-sdk/dist ./client-sdk/dist
COPY --from=build /app/client-sdk/package.json ./client-sdk/package.json
COPY --from=build /app/models ./models
COPY --from=build /app/scripts/healthcheck.mjs ./scripts/healthcheck.mjs
COPY package.json ./
USER node
# 3000: the server's HTTP and WebSocket; 9465: a worker's /metrics and /healthz
EXPOSE 3000 9465
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 CMD ["node", "scripts/healthcheck.mjs"]
CMD ["node", "--enable-source-maps", "dist/server/main.js"]
