# One image for the server and the workers; compose picks the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY protocol ./protocol
COPY core ./core
COPY server ./server
COPY workers ./workers
COPY scripts ./scripts
COPY client-sdk ./client-sdk
COPY models ./models
RUN node client-sdk/build.mjs && npx tsc -p tsconfig.json && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/client-sdk/dist ./client-sdk/dist
COPY --from=build /app/client-sdk/package.json ./client-sdk/package.json
COPY --from=build /app/models ./models
COPY package.json ./
USER node
EXPOSE 3000
CMD ["node", "--enable-source-maps", "dist/server/main.js"]
