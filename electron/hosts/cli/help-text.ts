// What `afx --help` prints.
import { DEFAULT_CALLBACK_TIMEOUT_MS } from '../../../shared/flow-input'

export const HELP_TEXT = `afx: Auth Flow Explorer, for OAuth 2.0, OpenID Connect and Amazon Cognito sign-in.

Usage:
  afx start                      open the app: Electron when installed, otherwise browser mode
  afx web [--port N] [--no-open] serve the app to your browser on 127.0.0.1
  afx sandbox [--json]           run the sandbox alone: an OpenID provider and a Cognito-compatible
                                 user pool on 127.0.0.1, with demo clients and users
  afx decode <jwt> [--json]      decode a JWT without verifying it ("-" reads it from stdin)
  afx cognito [srp|password|custom] --user-pool-id ID --client-id ID --username U
           (--password P|- | --password-stdin) [--client-secret S] [--region R] [--endpoint URL]
           [--code C | --totp-secret S] [--json] [--reveal]
                                 sign in to a Cognito user pool through its own API (srp when no
                                 verb is given); MFA codes and new passwords are asked on the
                                 terminal, unless --code answers the first code or --totp-secret
                                 computes authenticator codes (at MFA setup, from the new secret
                                 Cognito issues: --reveal shows it)
           [--remember-device FILE] [--device FILE]
                                 --remember-device confirms and remembers the device Cognito
                                 offers and keeps it in FILE (0600); --device FILE signs in with
                                 it again: the device proves itself instead of an MFA code
  afx cognito user-auth --username U [--challenge PASSWORD|PASSWORD_SRP|EMAIL_OTP|SMS_OTP]
           [--password-stdin] [--code C]  choice-based sign-in (the pool offers the factors)
  afx cognito refresh --refresh-token T|- --user-pool-id ID --client-id ID [--username U]
           [--refresh-with InitiateAuth|GetTokensFromRefreshToken]  (the latter for rotation)
                                 new tokens for a refresh token, saying whether it rotated; with
                                 a client secret, --username is the cognito:username to hash
  afx cognito describe --user-pool-id ID --client-id ID (--aws-profile P | --aws-default-chain)
           [--profile NAME --save]
                                 import the app client's and pool's settings with the AWS
                                 credentials named (DescribeUserPool, DescribeUserPoolClient; none
                                 for a loopback --endpoint) and lint them; exit 1 on an error;
                                 --save keeps them with the profile
  afx cognito-account sign-up --user-pool-id ID --client-id ID --username U
           (--password P|- | --password-stdin) [--attribute name=value ...] [--no-confirm]
                                 sign a user up (--attribute email=…, phone_number=…), then ask
                                 on the terminal for the code Cognito sent and confirm the user
  afx cognito-account confirm | resend [--no-confirm] --username U [--code C] (...pool options)
                                 confirm a sign-up with its code; resend the code (then confirm)
  afx cognito-account forgot-password [--no-confirm] | confirm-forgot-password [--code C]
           --username U [--new-password P|-] (...pool options)
                                 reset a forgotten password: the code and the new password are
                                 asked on the terminal when not given
  afx cognito-account change-password --access-token T|- --password P|- --new-password P|-
                                 change a signed-in user's password
  afx cognito-account get-user --access-token T|-   read the token's user and MFA settings
  afx cognito mfa-setup --access-token T|- [--as-authenticator]
                                 enrol an authenticator app for the signed-in user (the otpauth://
                                 URI is printed; the first code is asked, or computed with
                                 --as-authenticator) and make TOTP the preferred factor
  afx cognito sign-out --access-token T|-
                                 GlobalSignOut, then show that Cognito refuses the token
  afx cognito-account revoke-token --refresh-token T|-   RevokeToken (client secret as given)
      (all of these)             [--client-secret S] [--region R] [--endpoint URL] [--profile NAME]
                                 [--json] [--reveal]; SECRET_HASH is made when a secret is given;
                                 each value given as "-" takes the next line of stdin, in the order
                                 --password, --new-password, --access-token, --refresh-token;
                                 mfa-setup and sign-out work under both cognito and cognito-account
  afx verify <jwt> [--issuer URL | --jwks URL | --key FILE] [--client-id ID] [--nonce N]
           [--max-age S] [--skew S] [--kind id_token|access_token] [--json]
                                 verify the signature and check every claim; exit 1 on a failure
  afx flow <flow> --issuer URL --client-id ID [--client-secret S | --private-key FILE]
           [--auth-method client_secret_basic|client_secret_post|private_key_jwt|none]
           [--scope "a b"] [--param name=value ...] [--json] [--reveal]
                                 run a flow and print its steps; --reveal prints tokens in clear;
                                 --private-key: the client's private JWK, for private_key_jwt
    code | hybrid                [--pkce S256|plain|off] [--response-mode query|fragment|form_post] (code)
    implicit                     [--response-type id_token|"id_token token"|token]
    logout                       [--id-token T] [--variant oidc|cognito]
                                 [--logout-endpoint URL --logout-uri URL] (cognito)
      (these four)               [--redirect-host 127.0.0.1|localhost|[::1]] [--port N]
                                 [--browser system|none]: none prints the URL on stderr and waits
                                 [--timeout S]: wait S seconds (1 to 3600, default ${DEFAULT_CALLBACK_TIMEOUT_MS / 1_000}) for the
                                 browser to come back to the redirect URI, then fail (exit 1)
    device                       [--interval S] [--browser system|none]: prints the user code
                                 on stderr, opens the verification page (system), then polls
                                 (every S seconds when the provider names no interval; 5)
    client-credentials
    refresh                      --refresh-token T [--id-token T]   (says whether it rotated;
                                 a refreshed ID token must match the sign-in's --id-token)
    userinfo                     --token T
    introspect | revoke          --token T [--token-type-hint access_token|refresh_token]
                                 a token given as "-" is read from stdin

  afx profiles list | show NAME | remove NAME [--json]
  afx profiles add NAME (--issuer URL | --cognito-pool POOL_ID [--endpoint URL])
           [--client-id ID [--client-secret-stdin] [--auth-method M] [--scope "a b"] [--param n=v ...]]
  afx profiles add-user NAME --username U [--password-stdin] [--totp-secret-stdin]
                                 keep a test user with a Cognito profile: its password and TOTP
                                 secret (one line of stdin each, in that order), kept like a
                                 client secret; afx cognito --profile NAME --username U then signs
                                 it in and computes its TOTP codes, asking nothing
  afx profiles export [NAME ...] [--passphrase-stdin]   print saved profiles as JSON; secrets
                                 only with a passphrase (read from stdin), encrypted with it
  afx profiles import FILE [--passphrase-stdin]
                                 saved providers and clients; with --profile NAME, afx flow and
                                 afx cognito take from it what their options leave out
  afx vault create | status      a passphrase vault (passphrase on stdin) keeps profile secrets
                                 between sessions; --passphrase-stdin unlocks it for one command
                                 (the passphrase is stdin's first line, the rest goes on)

Options:
  --profile NAME                 (flow, cognito, cognito-account) start from a saved profile
  --pool-id ID                   the same as --user-pool-id
  --data-dir DIR                 where profiles and history are kept (or set AFX_DATA_DIR)
  --sandbox on|off               start the sandbox with the app (default on; or AFX_SANDBOX)
  --oidc-port N                  the sandbox provider's port (default 9400, or a free one)
  --cognito-port N               the sandbox pool's port (default 9401, or a free one)
  -h, --help                     show this help
  -v, --version                  show the version

Exit codes: 0 success, 1 the token or response inspected is bad, 2 usage error.
`
