// The sandbox pool's USER_AUTH (choice-based sign-in) driven by the AWS SDK v3 directly, none of
// the engine in between: proof that the sandbox speaks the protocol as AWS documents it
// (AvailableChallenges, SELECT_CHALLENGE with ANSWER and the chosen factor's parameters,
// EMAIL_OTP_CODE and SMS_OTP_CODE, SECRET_HASH, Cognito's errors).
// @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ChallengeResponseType.html
import {
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type RespondToAuthChallengeCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { computeSecretHash } from '../../electron/core/cognito/secret-hash'
import {
  computePasswordVerifierResponse,
  createSrpClientSession,
} from '../../electron/core/cognito/srp'
import {
  PUBLIC_ALL as ALL,
  CONFIDENTIAL as SECRET,
  PUBLIC_WEB as WEB,
  sandboxPassword,
  useCognitoSandboxSdk,
} from '../helpers/cognito-sandbox'

const cognito = useCognitoSandboxSdk()
const { lastCode: codeSent } = cognito
const password = sandboxPassword

const userAuth = (username: string, parameters: Record<string, string> = {}, clientId = ALL) =>
  cognito.sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: username, ...parameters },
    }),
  )

const respond = (
  challenge: { ChallengeName?: string | undefined; Session?: string | undefined },
  responses: Record<string, string>,
  clientId = ALL,
) =>
  cognito.sdk.send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: challenge.ChallengeName as 'SELECT_CHALLENGE',
      Session: challenge.Session,
      ChallengeResponses: responses,
    }),
  )

/** Cognito's error, as the SDK raises it: its type and message. */
async function refusal(call: Promise<unknown>): Promise<{ name: string; message: string }> {
  const error = (await call.then(
    () => undefined,
    (e: unknown) => e,
  )) as { name: string; message: string } | undefined
  if (error === undefined) throw new Error('expected Cognito to refuse')
  return { name: error.name, message: error.message }
}

function expectTokens(answer: RespondToAuthChallengeCommandOutput): void {
  expect(answer.ChallengeName).toBeUndefined()
  expect(answer.AuthenticationResult).toMatchObject({
    IdToken: expect.stringMatching(/^eyJ/),
    AccessToken: expect.stringMatching(/^eyJ/),
    RefreshToken: expect.any(String),
    TokenType: 'Bearer',
  })
}

describe('InitiateAuth(USER_AUTH)', () => {
  it('without PREFERRED_CHALLENGE: SELECT_CHALLENGE with the AvailableChallenges of that user', async () => {
    const olga = await userAuth('olga')
    const sam = await userAuth('sam')
    const nobody = await userAuth('nobody-by-this-name')

    expect(olga).toMatchObject({
      ChallengeName: 'SELECT_CHALLENGE',
      Session: expect.any(String),
      AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP'],
      ChallengeParameters: { USER_ID_FOR_SRP: 'olga' },
    })
    expect(sam.AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP'])
    // An unknown user looks like a user with nothing verified: the answer tells nobody who exists.
    expect(nobody.AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP'])
  })

  it('a preference the user cannot use (SMS_OTP, no phone) is answered with SELECT_CHALLENGE', async () => {
    const answer = await userAuth('olga', { PREFERRED_CHALLENGE: 'SMS_OTP' })

    expect(answer.ChallengeName).toBe('SELECT_CHALLENGE')
    expect(answer.AvailableChallenges).not.toContain('SMS_OTP')
    expect(
      cognito.sandbox.outbox.some((m) => m.username === 'olga' && m.purpose === 'SMS_OTP'),
    ).toBe(false)
  })

  it('PREFERRED_CHALLENGE=EMAIL_OTP sends the code at once: EMAIL_OTP_CODE signs olga in', async () => {
    const challenge = await userAuth('olga', { PREFERRED_CHALLENGE: 'EMAIL_OTP' })

    expect(challenge).toMatchObject({
      ChallengeName: 'EMAIL_OTP',
      ChallengeParameters: {
        CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
        CODE_DELIVERY_DESTINATION: 'o***@e***',
      },
    })
    expect(cognito.sandbox.outbox.at(-1)).toMatchObject({
      channel: 'email',
      to: 'olga@example.com',
      purpose: 'EMAIL_OTP',
    })
    expectTokens(
      await respond(challenge, { USERNAME: 'olga', EMAIL_OTP_CODE: codeSent('olga', 'EMAIL_OTP') }),
    )
  })

  it('PREFERRED_CHALLENGE=PASSWORD with PASSWORD: tokens at once for olga, SMS_MFA next for sam', async () => {
    const olga = await userAuth('olga', {
      PREFERRED_CHALLENGE: 'PASSWORD',
      PASSWORD: password('olga'),
    })
    const sam = await userAuth('sam', {
      PREFERRED_CHALLENGE: 'PASSWORD',
      PASSWORD: password('sam'),
    })

    expect(olga.AuthenticationResult?.AccessToken).toMatch(/^eyJ/)
    expect(sam).toMatchObject({
      ChallengeName: 'SMS_MFA',
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS' },
    })
    expectTokens(await respond(sam, { USERNAME: 'sam', SMS_MFA_CODE: codeSent('sam', 'SMS_MFA') }))
  })

  it('a client without ALLOW_USER_AUTH: InvalidParameterException', async () => {
    expect(await refusal(userAuth('olga', {}, WEB))).toEqual({
      name: 'InvalidParameterException',
      message: 'USER_AUTH flow not enabled for this client',
    })
  })
})

describe('RespondToAuthChallenge(SELECT_CHALLENGE)', () => {
  it('ANSWER=PASSWORD with PASSWORD in the same call; a wrong one: "Incorrect username or password."', async () => {
    expectTokens(
      await respond(await userAuth('olga'), {
        USERNAME: 'olga',
        ANSWER: 'PASSWORD',
        PASSWORD: password('olga'),
      }),
    )
    expect(
      await refusal(
        respond(await userAuth('olga'), {
          USERNAME: 'olga',
          ANSWER: 'PASSWORD',
          PASSWORD: 'Not-olgas-password-9',
        }),
      ),
    ).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' })
  })

  it('ANSWER=PASSWORD_SRP with SRP_A: PASSWORD_VERIFIER follows, answered as in USER_SRP_AUTH', async () => {
    const srp = createSrpClientSession({ poolId: cognito.sandbox.description.userPoolId })
    const verifier = await respond(await userAuth('olga'), {
      USERNAME: 'olga',
      ANSWER: 'PASSWORD_SRP',
      SRP_A: srp.A,
    })
    expect(verifier.ChallengeName).toBe('PASSWORD_VERIFIER')
    const params = verifier.ChallengeParameters!
    const claim = computePasswordVerifierResponse({
      session: srp,
      userIdForSrp: params.USER_ID_FOR_SRP!,
      password: password('olga'),
      srpB: params.SRP_B!,
      salt: params.SALT!,
      secretBlock: params.SECRET_BLOCK!,
    })

    expectTokens(await respond(verifier, claim.challengeResponses)) // USERNAME is among them
  })

  it('ANSWER=SMS_OTP sends the code by SMS; SMS_OTP_CODE signs sam in with no MFA after it', async () => {
    const challenge = await respond(await userAuth('sam'), { USERNAME: 'sam', ANSWER: 'SMS_OTP' })

    expect(challenge).toMatchObject({
      ChallengeName: 'SMS_OTP',
      ChallengeParameters: {
        CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
        CODE_DELIVERY_DESTINATION: expect.stringMatching(/^\+\*+0100$/),
      },
    })
    expectTokens(
      await respond(challenge, { USERNAME: 'sam', SMS_OTP_CODE: codeSent('sam', 'SMS_OTP') }),
    )
  })

  it('a wrong code: CodeMismatchException, and the session is spent', async () => {
    const challenge = await respond(await userAuth('olga'), {
      USERNAME: 'olga',
      ANSWER: 'EMAIL_OTP',
    })
    const wrong = codeSent('olga', 'EMAIL_OTP') === '000000' ? '111111' : '000000'

    expect(await refusal(respond(challenge, { USERNAME: 'olga', EMAIL_OTP_CODE: wrong }))).toEqual({
      name: 'CodeMismatchException',
      message: 'Invalid code received for user',
    })
    expect(
      (
        await refusal(
          respond(challenge, { USERNAME: 'olga', EMAIL_OTP_CODE: codeSent('olga', 'EMAIL_OTP') }),
        )
      ).name,
    ).toBe('NotAuthorizedException')
  })

  it('an ANSWER outside AvailableChallenges, or without what it needs, is refused', async () => {
    expect(
      await refusal(respond(await userAuth('olga'), { USERNAME: 'olga', ANSWER: 'SMS_OTP' })),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'SMS_OTP is not one of the AvailableChallenges for this user.',
    })
    expect(
      await refusal(respond(await userAuth('olga'), { USERNAME: 'olga', ANSWER: 'PASSWORD' })),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'Missing required parameter PASSWORD',
    })
  })

  it('an unknown user choosing PASSWORD fails as a wrong password does', async () => {
    const challenge = await userAuth('nobody-by-this-name')

    expect(
      await refusal(
        respond(challenge, {
          USERNAME: 'nobody-by-this-name',
          ANSWER: 'PASSWORD',
          PASSWORD: 'Any-password-1',
        }),
      ),
    ).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' })
  })
})

describe('USER_AUTH on a client with a secret', () => {
  const secret = () =>
    cognito.sandbox.description.clients.find((c) => c.clientId === SECRET)!.clientSecret!
  const hash = (username: string) => computeSecretHash(username, SECRET, secret())

  it('wants SECRET_HASH at InitiateAuth, then over USER_ID_FOR_SRP after an alias', async () => {
    expect((await refusal(userAuth('pat', {}, SECRET))).message).toBe(
      `Client ${SECRET} is configured for secret but secret was not received`,
    )
    const challenge = await userAuth('pat', { SECRET_HASH: hash('pat') }, SECRET)
    const patId = challenge.ChallengeParameters!.USER_ID_FOR_SRP!
    expect(patId).not.toBe('pat')

    // The alias's hash is refused from here on; the internal name's is what Cognito checks.
    expect(
      (
        await refusal(
          respond(
            challenge,
            {
              USERNAME: patId,
              ANSWER: 'PASSWORD',
              PASSWORD: password('pat'),
              SECRET_HASH: hash('pat'),
            },
            SECRET,
          ),
        )
      ).message,
    ).toBe(`Unable to verify secret hash for client ${SECRET}`)
    const again = await userAuth('pat', { SECRET_HASH: hash('pat') }, SECRET)
    expectTokens(
      await respond(
        again,
        {
          USERNAME: patId,
          ANSWER: 'PASSWORD',
          PASSWORD: password('pat'),
          SECRET_HASH: hash(patId),
        },
        SECRET,
      ),
    )
  })
})
