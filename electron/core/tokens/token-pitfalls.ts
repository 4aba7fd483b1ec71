// Known provider pitfalls, diagnosed from the token and what the caller meant to do with it: the
// mistakes behind most "my token is rejected" questions, each with its fix.
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/userinfo-endpoint.html, RFC 9068 §4
import type { TokenExpectations, TokenPitfall } from '../../../shared/token-report'
import { COGNITO_VERIFY_REF } from './cognito-token-checks'
import type { TokenTypeGuess } from './guess-token-type'

const COGNITO_VERIFY_LINK =
  'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html'

/**
 * Diagnoses the pitfalls that apply to this token and expectation; none is an empty list.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/userinfo-endpoint.html
 */
export function diagnosePitfalls(
  guess: TokenTypeGuess,
  payload: Record<string, unknown>,
  expect: TokenExpectations,
): TokenPitfall[] {
  const pitfalls: TokenPitfall[] = []
  if (guess.type === 'cognito_access') {
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : []
    if (!scopes.includes('openid')) pitfalls.push(userinfoNeedsOpenid(scopes))
    if (expect.audience !== undefined) pitfalls.push(cognitoAccessTokenHasNoAud())
  }
  const isIdToken = guess.type === 'id_token' || guess.type === 'cognito_id'
  const isAccessToken = guess.type === 'access_token' || guess.type === 'cognito_access'
  if (expect.kind === 'access_token' && isIdToken) pitfalls.push(idTokenAsAccessToken(guess))
  if (expect.kind === 'id_token' && isAccessToken) pitfalls.push(accessTokenAsIdToken(guess))
  return pitfalls
}

function userinfoNeedsOpenid(scopes: string[]): TokenPitfall {
  const onlyAdmin = scopes.length === 1 && scopes[0] === 'aws.cognito.signin.user.admin'
  return {
    code: 'COGNITO_USERINFO_NEEDS_OPENID',
    title: 'This access token cannot call /oauth2/userInfo',
    explanation: `Cognito's userInfo endpoint answers only access tokens that carry the openid scope; this one carries ${scopes.length === 0 ? 'no scope' : scopes.join(' ')}.${onlyAdmin ? ' That is the mark of a token from SRP sign-in through the API (InitiateAuth, RespondToAuthChallenge), which carries only aws.cognito.signin.user.admin.' : ''}`,
    hint: 'Sign in through the hosted UI (/oauth2/authorize) with scope "openid", or read the user with GetUser, which this token does allow.',
    ref: 'Cognito: the userInfo endpoint',
    link: 'https://docs.aws.amazon.com/cognito/latest/developerguide/userinfo-endpoint.html',
  }
}

function cognitoAccessTokenHasNoAud(): TokenPitfall {
  return {
    code: 'COGNITO_ACCESS_TOKEN_HAS_NO_AUD',
    title: 'Cognito access tokens have no aud',
    explanation:
      'Validating a Cognito access token by aud fails every time: Cognito names the app client in client_id instead. A verifier configured with an audience (jose jwtVerify, jsonwebtoken verify) rejects every such token.',
    hint: 'Check that client_id is your app client ID and token_use is "access" (aws-jwt-verify does both); drop the audience option for access tokens.',
    ref: COGNITO_VERIFY_REF,
    link: COGNITO_VERIFY_LINK,
  }
}

function idTokenAsAccessToken(guess: TokenTypeGuess): TokenPitfall {
  return {
    code: 'ID_TOKEN_USED_AS_ACCESS_TOKEN',
    title: 'An ID token is being used as an access token',
    explanation: `${guess.why} An ID token tells the client who signed in; its audience is the client, not an API. An API that accepts ID tokens accepts tokens minted for any client of the provider, and cannot tell what was authorised.`,
    hint: 'Send the access token to APIs (Authorization: Bearer …), and have the API refuse ID tokens: typ at+jwt (RFC 9068) or token_use "access" (Cognito).',
    ref: 'RFC 9068 §4',
    link: 'https://www.rfc-editor.org/rfc/rfc9068#section-4',
  }
}

function accessTokenAsIdToken(guess: TokenTypeGuess): TokenPitfall {
  return {
    code: 'ACCESS_TOKEN_USED_AS_ID_TOKEN',
    title: 'An access token is being read as an ID token',
    explanation: `${guess.why} An access token is meant for an API; it does not prove to the client who signed in, and need not even be a JWT.`,
    hint: 'Use the id_token from the token response to learn who signed in (scope "openid" is needed for one), or call UserInfo with the access token.',
    ref: 'OIDC Core §3.1.3.7',
    link: 'https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation',
  }
}
