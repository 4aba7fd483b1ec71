// Where a user pool's API answers and which issuer its tokens carry: AWS's regional endpoint, or
// an override (the sandbox, an emulator) that stands in for it.
// @see https://docs.aws.amazon.com/general/latest/gr/cognito_identity.html (cognito-idp endpoints)
// @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
import type { CognitoFlowInput } from '../../../shared/cognito-flow-input'

type PoolAddress = Pick<CognitoFlowInput, 'endpoint' | 'region' | 'userPoolId'>

/** The API endpoint: the override, else https://cognito-idp.<region>.amazonaws.com/. */
export function cognitoEndpoint(pool: PoolAddress): string {
  return pool.endpoint ?? `https://cognito-idp.${pool.region}.amazonaws.com/`
}

/**
 * The tokens' `iss`: https://cognito-idp.<region>.amazonaws.com/<userPoolId> on AWS, and the same
 * shape below an override (the sandbox signs its tokens so).
 */
export function cognitoIssuer(pool: PoolAddress): string {
  return `${cognitoEndpoint(pool).replace(/\/+$/, '')}/${pool.userPoolId}`
}
