// node-oidc-provider for .ci/bench-peers (docs/performance.md, "The peers side by side"): the same confidential
// clients as Tessera's and Keycloak's, client_credentials enabled, JWT access tokens through resource indicators
// (RS256 or ES256 per client) or its opaque tokens, introspection on; and for the sign-in and refresh workloads a
// confidential authorization-code client with refresh tokens (rotated on every use, as Tessera rotates them), one user
// and the login page below. Everything else at the library's defaults (its in-memory adapter: no database).
// Loopback only. Env: PEER_PORT, PEER_SECRET, PEER_USER, PEER_PASSWORD.
//
// node-oidc-provider has no user store and no login page of its own (devInteractions is a development aid): this one
// parses nothing but a form of username, password and a CSRF field (an HMAC of the interaction id), verifies the
// password against a PBKDF2-HMAC-SHA512 hash (210,000 iterations, 16-byte salt, Node's crypto, off the event loop:
// OWASP's figure for PBKDF2-SHA512, Keycloak's default before 24; Node 20 has no built-in Argon2id) and finishes the
// login. The grant is
// made at login for this first-party client (loadExistingGrant), so no consent page is shown.
import { createHmac, generateKeyPairSync, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { promisify } from 'node:util';
import Provider from 'oidc-provider';

const port = Number(process.env.PEER_PORT);
const secret = process.env.PEER_SECRET;
const rsa = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'rs', use: 'sig' };
const ec = { ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }), kid: 'es', use: 'sig' };

// The one user: its password hashed as it would be stored.
const HASH = { digest: 'sha512', iterations: 210000, length: 64 };
const derive = promisify(pbkdf2);
const user = process.env.PEER_USER;
const salt = randomBytes(16);
const stored = await derive(process.env.PEER_PASSWORD, salt, HASH.iterations, HASH.length, HASH.digest);
const csrfKey = randomBytes(32);
const csrf = (uid) => createHmac('sha256', csrfKey).update(uid).digest('base64url');

// Client id -> access token format (and JWS algorithm).
const formats = { 'bench-rs256': 'RS256', 'bench-es256': 'ES256', 'bench-opaque': 'opaque', 'bench-peers-web': 'ES256' };
const RESOURCE = 'urn:tessera:bench';
const clients = ['bench-rs256', 'bench-es256', 'bench-opaque'].map((id) => ({
  client_id: id, client_secret: secret, grant_types: ['client_credentials'], response_types: [], redirect_uris: [],
  token_endpoint_auth_method: 'client_secret_basic', scope: 'read',
}));
clients.push({
  client_id: 'bench-peers-web', client_secret: secret, grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'], redirect_uris: ['http://127.0.0.1:9/cb'], token_endpoint_auth_method: 'client_secret_basic',
  scope: 'openid read',
});

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients,
  jwks: { keys: [rsa, ec] },
  cookies: { keys: [secret] },
  scopes: ['openid', 'read'],
  findAccount: (ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  // First-party client: the grant is given at login, so the consent prompt finds nothing missing.
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      return ctx.oidc.provider.Grant.find(grantId);
    }
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid read');
    grant.addResourceScope(RESOURCE, 'read');
    await grant.save();
    return grant;
  },
  // As Tessera: a refresh token for the code grant of a client allowed to refresh, rotated on every use.
  issueRefreshToken: (ctx, client) => client.grantTypeAllowed('refresh_token'),
  rotateRefreshToken: true,
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => RESOURCE,
      useGrantedResource: () => true,
      getResourceServerInfo: (ctx, resource, client) => {
        const format = formats[client.clientId];
        return format === 'opaque'
          ? { scope: 'read', accessTokenFormat: 'opaque', accessTokenTTL: 300 }
          : { scope: 'read', accessTokenFormat: 'jwt', accessTokenTTL: 300, jwt: { sign: { alg: format } } };
      },
    },
  },
});

const page = (uid, message) => `<!DOCTYPE html><html><head><title>Sign in</title></head><body>${message}`
  + `<form method="post" action="/interaction/${uid}/login"><input type="hidden" name="csrf" value="${csrf(uid)}">`
  + '<input type="text" name="username" autocomplete="username"><input type="password" name="password">'
  + '<button type="submit" name="login" value="login">Sign in</button></form></body></html>';

async function form(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10000) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

async function matches(password) {
  const derived = await derive(password, salt, HASH.iterations, HASH.length, HASH.digest);
  return timingSafeEqual(derived, stored);
}

async function interaction(req, res, uid, login) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid || details.prompt.name !== 'login') {
    throw new Error(`unexpected prompt ${details.prompt.name}`);
  }
  if (!login) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page(uid, ''));
    return;
  }
  const fields = await form(req);
  const token = Buffer.from(fields.get('csrf') ?? '');
  const expected = Buffer.from(csrf(uid));
  if (req.method !== 'POST' || token.length !== expected.length || !timingSafeEqual(token, expected)) {
    res.writeHead(403).end('CSRF check failed');
    return;
  }
  if (fields.get('username') !== user || !(await matches(fields.get('password') ?? ''))) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(uid, '<p>Wrong username or password.</p>'));
    return;
  }
  await provider.interactionFinished(req, res, { login: { accountId: user } }, { mergeWithLastSubmission: false });
}

const callback = provider.callback();
createServer((req, res) => {
  const m = /^\/interaction\/([\w-]+)(\/login)?$/.exec(new URL(req.url, 'http://x').pathname);
  if (!m) {
    callback(req, res);
    return;
  }
  interaction(req, res, m[1], Boolean(m[2])).catch((e) => {
    if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' }).end(String(e.message));
  });
}).listen(port, '127.0.0.1', () => console.log(`node-oidc-provider listening on 127.0.0.1:${port}`));
