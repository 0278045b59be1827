import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { createRequestContext, logSerializers, type AppServices, type CitizenFileAccessPolicy, type FileAccessPolicy, type RequestContext } from "@civicline/platform";
import express, { type NextFunction, type Request, type Response } from "express";
import type { GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { pinoHttp } from "pino-http";
import { WebSocketServer } from "ws";
import { credentialsOf, resolveActor, resolveSession, SESSION_COOKIE } from "./auth.js";
import { formatGraphQLError } from "./errors.js";
import { mountDevRoutes } from "./dev-routes.js";
import { mountSupervisionOrderDevRoutes } from "./dev-supervision-orders.js";
import { mountFileRoutes } from "./files-routes.js";
import { mountPortalLinks } from "./portal-links.js";
import { mountQaRecordingRoutes } from "./qa-recording-routes.js";
import { mountOpen311Routes } from "./open311/open311-routes.js";
import { securityHeaders } from "./security-headers.js";
import { mountStaticApps } from "./static-apps.js";
import { mountTicketExportRoutes } from "./ticket-export-routes.js";
import { INVALID_UTF8, INVALID_UTF8_MESSAGE, refuseLoneSurrogates, verifyBodyText } from "./text-encoding.js";
import { buildGraphQLProtection } from "./graphql-limits.js";
import { documentErrorStatusPlugin } from "./http-status.js";
import { unstorableInputPlugin } from "./input-text.js";
import { prepareSocketOperation, socketOriginAllowed, socketOrigins } from "./ws-guard.js";
import { SocketSessions } from "./ws-sessions.js";
import { SubscriptionFanout } from "./subscription-fanout.js";
import { attachCredentialCache, CredentialCache, detachCredentialCache } from "./credential-cache.js";
import { integratorRateLimit, startIntegratorUsage, stopIntegratorUsage } from "./integrator-limits.js";

export const BODY_LIMIT = "512kb";
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export type GatewayServer = { httpServer: Server; url: string; close(): Promise<void> };

function requestIdOf(req: Request): string {
  const header = req.headers["x-request-id"];
  return typeof header === "string" && REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * What every GraphQL answer gets on its way out, in one listener: masked errors carry the request
 * id, so a person can quote it; and the answer is never stored by a browser or proxy
 * (`Cache-Control: no-store`). Apollo's cache-control plugin would say the same (no field has a
 * cache hint) at the price of a hook around every field resolved; it is off.
 */
export const answerPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart({ contextValue }) {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set("cache-control", "no-store");
        if (response.body.kind !== "single") {
          return;
        }
        for (const error of response.body.singleResult.errors ?? []) {
          if (error.extensions?.code === "INTERNAL_SERVER_ERROR") {
            (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            (error as { message: string }).message = error.message.replace("reference unknown", `reference ${contextValue.requestId}`);
          }
        }
      },
    };
  },
};

/**
 * The HTTP side: GraphQL over HTTP (Apollo on Express 5) and WebSocket (graphql-ws) on the same
 * path, health endpoints, and the three built apps. Limits: body size, depth, aliases, cost, tokens.
 */
export async function startGatewayServer(options: {
  services: AppServices;
  schema: GraphQLSchema;
  port: number;
  host?: string;
  readiness: () => Promise<boolean>;
  /** Extra facts for `/readyz` (the embedded PostgreSQL's state and restarts). */
  readinessDetail?: () => Record<string, unknown>;
  fileAccess?: FileAccessPolicy[];
  citizenFileAccess?: CitizenFileAccessPolicy[];
}): Promise<GatewayServer> {
  const { services, schema } = options;
  const log = services.log;
  const development = services.config.nodeEnv === "development";
  const app = express();
  app.disable("x-powered-by");
  // What express sends itself (GraphQL and API answers) is never stored (no-store): no ETag hash over each body.
  // Static files and uploads get theirs from express.static/sendFile, which this does not change.
  app.set("etag", false);
  app.set("trust proxy", "loopback");
  const httpServer = createServer(app);

  const protection = buildGraphQLProtection({ development });
  const origins = socketOrigins({ allowedOrigins: services.config.allowedOrigins, publicBaseUrl: services.config.publicBaseUrl, development });
  const socketSessions = new SocketSessions(services);
  socketSessions.start();
  // Sessions and API keys for a few seconds, dropped at once on logout and on NOTIFY (credential-cache.ts).
  const credentialCache = new CredentialCache(services);
  credentialCache.start();
  attachCredentialCache(services.dataSource, credentialCache);
  // Per-key request counts (rate limit, last use), written once a second, not per request.
  startIntegratorUsage(services);

  const wsServer = new WebSocketServer({
    server: httpServer,
    path: "/graphql",
    maxPayload: 64 * 1024,
    verifyClient: ({ req }, done) => (socketOriginAllowed(req, origins) ? done(true) : done(false, 403, "Origin not allowed")),
  });
  // Subscriptions that declared an audience run once per event for all its subscribers (subscription-fanout.ts).
  const fanout = new SubscriptionFanout();
  const wsCleanup = useServer(
    {
      schema,
      subscribe: fanout.subscribe,
      onConnect: async (ctx) => {
        const session = await resolveSession(services.dataSource, credentialsOf(ctx.extra.request.headers));
        if (session && ctx.extra.socket.readyState === ctx.extra.socket.OPEN) {
          socketSessions.track(ctx.extra.socket, session);
          ctx.extra.socket.once("close", () => socketSessions.forget(ctx.extra.socket));
        }
        return true;
      },
      onSubscribe: (_ctx, _id, payload) => prepareSocketOperation({ schema, protection, payload }),
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatGraphQLError(error.toJSON(), error, log)),
      onNext: async (ctx, _id, _payload, _args, result) => {
        if (!(await socketSessions.mayReceive(ctx.extra.socket))) {
          return undefined;
        }
        return result.errors
          ? { ...result, errors: result.errors.map((error) => formatGraphQLError(error.toJSON(), error, log)) }
          : undefined;
      },
      context: async (ctx) => {
        const actor = await resolveActor(services.dataSource, credentialsOf(ctx.extra.request.headers));
        return createRequestContext({
          log,
          actor,
          clientIp: ctx.extra.request.socket.remoteAddress ?? "unknown",
          subscribe: (topic) => services.pubsub.subscribe(topic),
        });
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<RequestContext>({
    schema,
    // Refused outside development by the shared rules (graphql-limits.ts), as over the socket.
    introspection: true,
    parseOptions: protection.parseOptions,
    csrfPrevention: true,
    // The CLI owns shutdown (cli.ts): Apollo's own SIGTERM handler would stop the server a second time
    // (the two stops waited on each other) and then re-raise the signal, killing the process with 143.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: protection.validationRules,
    formatError: (formatted, error) => formatGraphQLError(formatted, error, log),
    plugins: [
      ...protection.apolloPlugins,
      answerPlugin,
      credentialCache.apolloPlugin,
      ApolloServerPluginCacheControlDisabled() as ApolloServerPlugin<RequestContext>,
      documentErrorStatusPlugin,
      unstorableInputPlugin,
      ApolloServerPluginDrainHttpServer({ httpServer }) as ApolloServerPlugin<RequestContext>,
      (development
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageDisabled()) as ApolloServerPlugin<RequestContext>,
      {
        async serverWillStart() {
          return {
            drainServer: async () => {
              detachCredentialCache(services.dataSource);
              await credentialCache.stop();
              await stopIntegratorUsage(services.dataSource);
              await socketSessions.stop();
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  // The platform's redaction list: no cookies, Set-Cookie, API keys, query values or personal data.
  const httpLog = pinoHttp({ logger: log, genReqId: requestIdOf, serializers: logSerializers, autoLogging: { ignore: (req) => req.url === "/healthz" } });
  // pino-http writes its one line per request at "info" and serializes the request (headers through the
  // redaction list) for it as the request starts; when "info" is off nothing would be written, so that work is skipped.
  app.use((req, res, next) => {
    if (log.isLevelEnabled("info")) {
      httpLog(req, res, next);
      return;
    }
    req.id = requestIdOf(req);
    next();
  });
  app.use(securityHeaders({ development, https: services.config.cookieSecure, mapTileUrl: services.config.mapTileUrl }));
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const ready = await options.readiness().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "database unreachable", ...options.readinessDetail?.() });
  });
  app.use(
    "/graphql",
    integratorRateLimit(services.dataSource),
    express.json({ limit: BODY_LIMIT, verify: verifyBodyText }),
    refuseLoneSurrogates,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const credentials = credentialsOf(req.headers);
        const actor = await resolveActor(services.dataSource, credentials);
        const requestId = String(req.id ?? requestIdOf(req));
        res.setHeader("x-request-id", requestId);
        const context: RequestContext = createRequestContext({
          log,
          actor,
          requestId,
          clientIp: req.ip ?? "unknown",
          subscribe: (topic) => services.pubsub.subscribe(topic),
          session: {
            currentToken: () => credentials.sessionToken,
            open: (token, expiresAt) =>
              res.cookie(SESSION_COOKIE, token, {
                httpOnly: true,
                sameSite: "lax",
                secure: services.config.cookieSecure,
                expires: expiresAt,
                path: "/",
              }),
            close: () => {
              // After the logout's commit: no instance serves the session to the client's next request.
              if (credentials.sessionToken) {
                credentialCache.loggedOut(context, credentials.sessionToken);
              }
              res.clearCookie(SESSION_COOKIE, { path: "/" });
            },
          },
        });
        return context;
      },
    }),
  );
  mountFileRoutes(app, services, options.fileAccess ?? [], options.citizenFileAccess ?? []);
  mountTicketExportRoutes(app, services);
  mountQaRecordingRoutes(app, services);
  mountDevRoutes(app, services);
  mountSupervisionOrderDevRoutes(app, services);
  mountPortalLinks(app);
  mountOpen311Routes(app, services, { bodyLimit: BODY_LIMIT });
  mountStaticApps(app, { development });
  app.use((error: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (error.type === "entity.too.large") {
      res.status(413).json({ errors: [{ message: "The request is larger than this endpoint accepts.", extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
      return;
    }
    if (error.type === "encoding.invalid") {
      res.status(400).json({ errors: [{ message: INVALID_UTF8_MESSAGE, extensions: { code: INVALID_UTF8 } }] });
      return;
    }
    if (error.type === "entity.parse.failed") {
      res.status(400).json({ errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] });
      return;
    }
    if (error) {
      log.error({ err: error }, "unhandled HTTP error");
      res.status(500).json({ errors: [{ message: "Something went wrong on our side.", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
      return;
    }
    next();
  });

  await new Promise<void>((resolve, reject) => {
    // A port already in use fails the start (and so the process, with a non-zero code) instead of crashing later.
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host ?? "0.0.0.0", () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    httpServer,
    url: `http://localhost:${port}`,
    close: async () => {
      await apollo.stop();
      wsServer.close();
    },
  };
}

