# Two stages: the build stage has the dev dependencies (Nest CLI, TypeScript); the runtime image has
# only the production dependencies and the compiled dist/. The same image runs the API and the worker
# (PROCESS_ROLE=api / worker, see docker-compose.yml).

FROM node:22-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so a source change does not reinstall them.
COPY package.json package-lock.json ./
# `npm ci` rejects a lock file that lacks some platforms' optional builds (the registry this project was locked
# against does not serve them all); `npm install` then installs the same locked versions. See .ci/run.
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY tsconfig.json nest-cli.json ./
COPY src ./src
RUN npm run build

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN (npm ci --omit=dev --no-audit --no-fund || npm install --omit=dev --no-audit --no-fund) && npm cache clean --force
COPY --from=build /app/dist ./dist
# The image's unprivileged `node` user; the app writes nothing to disk.
USER node
ENV PORT=3000
EXPOSE 3000
# No HEALTHCHECK here: the worker role serves no HTTP. docker-compose.yml checks the API's /health/live.
CMD ["node", "dist/main.js"]
