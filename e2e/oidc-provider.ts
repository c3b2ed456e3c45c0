import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const SSO_ORGANISATION = 'Testkommunen';

/**
 * A real OpenID Connect provider on loopback for the browser tests, with its own development
 * login and consent pages: whatever is typed as the login is the person's verified e-mail.
 */
export async function startOidcProvider(platformOrigin: string) {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientSecret = 'the e2e client secret';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'enkat',
        client_secret: clientSecret,
        redirect_uris: [`${platformOrigin}/api/v1/auth/sso/callback`],
        post_logout_redirect_uris: [`${platformOrigin}/admin/login`],
      },
    ],
    async findAccount(_ctx, sub) {
      return { accountId: sub, claims: async () => ({ sub, email: sub, email_verified: true }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    cookies: { keys: ['an e2e cookie key'] },
    features: { rpInitiatedLogout: { enabled: true } },
  });
  server.on('request', provider.callback());
  return {
    apiEnv: {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'enkat',
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_ORGANISATION_NAME: SSO_ORGANISATION,
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
