// amazon-cognito-identity-js (AWS's own Cognito client) as a test oracle for our SRP code: its
// AuthenticationHelper with a fixed a, its DateHelper, and a CognitoUser with a fake transport.
// The library is CommonJS and types neither AuthenticationHelper nor BigInteger, so it is loaded
// with require and typed here for the few members the tests touch.
import { createRequire } from 'node:module'
import type * as Acij from 'amazon-cognito-identity-js'

const require = createRequire(import.meta.url)

type BigInteger = { toString(radix: number): string }
type Callback<T> = (error: unknown, value: T) => void
type AuthenticationHelper = {
  getLargeAValue(callback: Callback<BigInteger>): void
  getPasswordAuthenticationKey(
    username: string,
    password: string,
    serverBValue: BigInteger,
    salt: BigInteger,
    callback: Callback<Uint8Array>,
  ): void
}
type AuthenticationHelperClass = new (poolName: string) => AuthenticationHelper
type ChallengeParameters = Record<'USER_ID_FOR_SRP' | 'SRP_B' | 'SALT' | 'SECRET_BLOCK', string>
type Transport = (
  operation: string,
  params: {
    AuthParameters?: Record<string, string>
    ChallengeResponses?: Record<string, string>
  },
  callback: (error: Error | null, data?: unknown) => void,
) => void

export const acij = require('amazon-cognito-identity-js') as typeof Acij & {
  AuthenticationHelper: AuthenticationHelperClass
  DateHelper: new () => { getNowString(): string }
}
const BigIntegerClass = (
  require('amazon-cognito-identity-js/lib/BigInteger') as {
    default: new (hex: string, radix: number) => BigInteger
  }
).default
// The SHA-256 the library signs with, resolved from the library so we use its very copy.
const { Sha256 } = createRequire(require.resolve('amazon-cognito-identity-js'))(
  '@aws-crypto/sha256-js',
) as {
  Sha256: new (secret?: Uint8Array) => { update(data: Uint8Array): void; digestSync(): Uint8Array }
}

export type AcijClaimInput = {
  poolName: string
  /** The private ephemeral a, hex. */
  a: string
  userIdForSrp: string
  password: string
  srpB: string
  salt: string
  secretBlock: string
  timestamp: string
}

/**
 * Runs AuthenticationHelper as CognitoUser does, with a fixed a: SRP_A, the HKDF key, and
 * PASSWORD_CLAIM_SIGNATURE signed with the library's own SHA-256.
 */
export function acijPasswordClaim(input: AcijClaimInput): {
  srpA: string
  hkdfKey: string
  signature: string
} {
  const fixedA = new BigIntegerClass(input.a, 16)
  // A subclass draws our a in the constructor, so A is computed once, from it.
  class FixedAHelper extends acij.AuthenticationHelper {
    generateRandomSmallA(): BigInteger {
      return fixedA
    }
  }
  const helper = new FixedAHelper(input.poolName)
  let srpA = ''
  helper.getLargeAValue((_error, A) => (srpA = A.toString(16)))
  let key: Uint8Array = new Uint8Array()
  helper.getPasswordAuthenticationKey(
    input.userIdForSrp,
    input.password,
    new BigIntegerClass(input.srpB, 16),
    new BigIntegerClass(input.salt, 16),
    (_error, hkdf) => (key = hkdf),
  )
  const hmac = new Sha256(key)
  hmac.update(
    Buffer.concat([
      Buffer.from(input.poolName, 'utf8'),
      Buffer.from(input.userIdForSrp, 'utf8'),
      Buffer.from(input.secretBlock, 'base64'),
      Buffer.from(input.timestamp, 'utf8'),
    ]),
  )
  return {
    srpA,
    hkdfKey: Buffer.from(key).toString('hex'),
    signature: Buffer.from(hmac.digestSync()).toString('base64'),
  }
}

/**
 * Signs in through CognitoUser.authenticateUser, the path apps use, against a fake transport:
 * `initiateAuth` receives SRP_A and returns the challenge parameters, and the resolved value is
 * the ChallengeResponses the library sent to RespondToAuthChallenge.
 */
export function signInWithCognitoUser(input: {
  poolId: string
  username: string
  password: string
  initiateAuth: (srpA: string) => ChallengeParameters
}): Promise<Record<string, string>> {
  const pool = new acij.CognitoUserPool({ UserPoolId: input.poolId, ClientId: 'sandboxclient' })
  const user = new acij.CognitoUser({ Username: input.username, Pool: pool })
  return new Promise((resolve, reject) => {
    const transport: Transport = (operation, params, callback) => {
      if (operation === 'InitiateAuth') {
        const challengeParameters = input.initiateAuth(params.AuthParameters?.SRP_A ?? '')
        callback(null, {
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeParameters: challengeParameters,
        })
        return
      }
      resolve(params.ChallengeResponses ?? {})
      callback(new Error('the test stops here'))
    }
    ;(user as unknown as { client: { request: Transport } }).client.request = transport
    user.authenticateUser(
      new acij.AuthenticationDetails({ Username: input.username, Password: input.password }),
      { onSuccess: () => reject(new Error('unexpected success')), onFailure: () => undefined },
    )
  })
}
