# syntax=docker/dockerfile:1
# The api image: built in one stage, run from a slim Node 24 image as a non-root user.
#   docker build -f infra/api.Dockerfile -t second-opinion-tracker/api .

FROM node:24.11-bookworm-slim AS build
WORKDIR /app
ENV TURBO_TELEMETRY_DISABLED=1
COPY package.json package-lock.json turbo.json tsconfig.base.json jest.preset.cjs eslint.config.mjs ./
COPY scripts ./scripts
COPY packages ./packages
COPY apps ./apps
RUN npm ci --no-audit --no-fund \
 && npx turbo run build --filter=@sot/api... \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:24.11-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/packages ./packages
COPY --from=build --chown=node:node /app/apps/api/package.json ./apps/api/package.json
COPY --from=build --chown=node:node /app/apps/api/dist ./apps/api/dist
USER node
WORKDIR /app/apps/api
EXPOSE 4000
CMD ["node", "dist/main.js"]
