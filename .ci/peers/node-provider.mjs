// node-oidc-provider for .ci/bench-peers (docs/performance.md, "The peers side by side"): the same confidential
// clients as Tessera's and Keycloak's, client_credentials enabled, JWT access tokens through resource indicators
// (RS256 or ES256 per client) or its opaque tokens, introspection on. Everything else at the library's defaults
// (its in-memory adapter: no database). Loopback only. Env: PEER_PORT, PEER_SECRET.
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.env.PEER_PORT);
const secret = process.env.PEER_SECRET;
const rsa = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'rs', use: 'sig' };
const ec = { ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }), kid: 'es', use: 'sig' };

// Client id -> access token format (and JWS algorithm).
const formats = { 'bench-rs256': 'RS256', 'bench-es256': 'ES256', 'bench-opaque': 'opaque' };
const clients = Object.keys(formats).map((id) => ({
  client_id: id, client_secret: secret, grant_types: ['client_credentials'], response_types: [], redirect_uris: [],
  token_endpoint_auth_method: 'client_secret_basic', scope: 'read',
}));

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients,
  jwks: { keys: [rsa, ec] },
  scopes: ['openid', 'read'],
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => 'urn:tessera:bench',
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
provider.listen(port, '127.0.0.1', () => console.log(`node-oidc-provider listening on 127.0.0.1:${port}`));
