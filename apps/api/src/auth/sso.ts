import * as client from 'openid-client';
import type { TOidcSettings } from '../env.js';

/** What the browser carries between leaving for the provider and coming back (HttpOnly cookie). */
export type TSsoChallenge = { state: string; nonce: string; verifier: string };

export type TSsoIdentity = { email: string; emailVerified: boolean; subject: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Single sign-on with OpenID Connect through openid-client: the authorization code flow with
 * PKCE, state and nonce. The provider's metadata is discovered once, on first use, so the API
 * starts even while the provider is down.
 */
export class SsoClient {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(
    readonly settings: TOidcSettings,
    private readonly redirectUri: string,
  ) {}

  private config(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(this.settings.issuer, this.settings.clientId, this.settings.clientSecret, undefined, {
        // Plain http only for a provider on this machine (tests, trying it out).
        execute: LOOPBACK.has(this.settings.issuer.hostname) ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error) => {
        this.configuration = null;
        throw error;
      });
    return this.configuration;
  }

  /** Where to send the browser, and the challenge to keep until it comes back. */
  async start(): Promise<{ url: URL; challenge: TSsoChallenge }> {
    const config = await this.config();
    const challenge = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(challenge.verifier),
      code_challenge_method: 'S256',
      state: challenge.state,
      nonce: challenge.nonce,
    });
    return { url, challenge };
  }

  /**
   * The identity in the ID token of the provider's answer, after openid-client has checked the
   * state, exchanged the code with the PKCE verifier, and verified the ID token (signature,
   * issuer, audience, expiry, nonce). Throws when anything does not match.
   */
  async finish(callbackUrl: URL, challenge: TSsoChallenge): Promise<TSsoIdentity> {
    const tokens = await client.authorizationCodeGrant(await this.config(), callbackUrl, {
      pkceCodeVerifier: challenge.verifier,
      expectedState: challenge.state,
      expectedNonce: challenge.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || typeof claims.email !== 'string') throw new Error('The ID token carries no e-mail address');
    return {
      email: claims.email.trim().toLowerCase(),
      emailVerified: claims.email_verified === true,
      subject: claims.sub,
    };
  }

  /** The provider's end-session address, where it has one. */
  async endSessionUrl(postLogoutRedirectUri: string): Promise<string | null> {
    const config = await this.config().catch(() => null);
    if (!config?.serverMetadata().end_session_endpoint) return null;
    return client
      .buildEndSessionUrl(config, {
        client_id: this.settings.clientId,
        post_logout_redirect_uri: postLogoutRedirectUri,
      })
      .toString();
  }
}

export function encodeChallenge(challenge: TSsoChallenge): string {
  return Buffer.from(JSON.stringify(challenge)).toString('base64url');
}

export function decodeChallenge(value: string | undefined): TSsoChallenge | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<TSsoChallenge>;
    const { state, nonce, verifier } = parsed;
    if (typeof state !== 'string' || typeof nonce !== 'string' || typeof verifier !== 'string') return null;
    return { state, nonce, verifier };
  } catch {
    return null;
  }
}
