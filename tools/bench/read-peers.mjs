// The peers of the read benchmark (tools/bench/reads.ts), each run as its own process on PORT:
//   PEER=postgraphile  PostGraphile v5 (amber preset) over DATABASE_URL, production mode, no auth
//   PEER=graphql-js    a bare graphql-js server: parse, validate and execute every request, nothing else
// GET /health answers 200 once the server is ready.
import { createServer } from 'node:http';

// PostGraphile 5.1 needs Promise.withResolvers (Node 22); Node 20 lacks it. The spec's behaviour in six lines.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((a, b) => {
      resolve = a;
      reject = b;
    });
    return { promise, resolve, reject };
  };
}

const port = Number(process.env.PORT ?? 0);
const host = process.env.HOST ?? '127.0.0.1';

function health(req, res) {
  if (req.url !== '/health') return false;
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  return true;
}

async function postgraphileServer() {
  const { postgraphile } = await import('postgraphile');
  const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber');
  const { makePgService } = await import('postgraphile/adaptors/pg');
  const { grafserv } = await import('postgraphile/grafserv/node');
  const { jsonPgSmartTags } = await import('postgraphile/utils');
  // Gongji's tables have no FOREIGN KEY constraints (the ledger writer owns integrity); smart tags give PostGraphile
  // the same relations the Gongji schema exposes.
  const relations = jsonPgSmartTags({
    version: 1,
    config: {
      class: {
        transactions: { tags: { foreignKey: '("personId") references persons (id)' } },
        postings: { tags: { foreignKey: '("transactionId") references transactions (id)' } },
        persons: { tags: { foreignKey: '("regionCode") references regions (code)' } },
        pockets: { tags: { foreignKey: '("personId") references persons (id)' } },
        kin_relations: {
          tags: {
            foreignKey: [
              '("beneficiaryId") references persons (id)|@fieldName beneficiary|@foreignFieldName fundingSources',
              '("providerId") references persons (id)|@fieldName provider|@foreignFieldName beneficiaries',
            ],
          },
        },
      },
    },
  });
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset],
    plugins: [relations],
    // Order and filter by any column, as Gongji does (not only by indexed ones): the same SQL work on both sides.
    disablePlugins: ['PgIndexBehaviorsPlugin'],
    pgServices: [
      makePgService({
        connectionString: process.env.DATABASE_URL,
        schemas: ['public'],
        poolConfig: { max: Number(process.env.PG_POOL_MAX ?? 10) },
      }),
    ],
    grafserv: { graphqlPath: '/graphql', graphiql: false },
    grafast: { explain: false },
  });
  const serv = pgl.createServ(grafserv);
  const handler = serv.createHandler();
  await serv.ready?.();
  // Build the schema before saying "ready".
  await pgl.getSchemaResult();
  return createServer((req, res) => {
    if (!health(req, res)) handler(req, res);
  });
}

async function graphqlJsServer() {
  const { buildSchema, graphql } = await import('graphql');
  const schema = buildSchema('type Query { ok: Boolean! }');
  const rootValue = { ok: true };
  return createServer((req, res) => {
    if (health(req, res)) return;
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      const { query, variables, operationName } = JSON.parse(body);
      const result = await graphql({
        schema,
        source: query,
        rootValue,
        variableValues: variables,
        operationName,
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    });
  });
}

const server = process.env.PEER === 'postgraphile' ? await postgraphileServer() : await graphqlJsServer();
server.keepAliveTimeout = 65_000;
server.listen(port, host);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
