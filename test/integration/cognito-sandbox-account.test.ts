// The sandbox pool's account operations against two independent clients, the AWS SDK v3 and
// amazon-cognito-identity-js: ResendConfirmationCode, ForgotPassword / ConfirmForgotPassword (the
// code from the outbox, the policy, the attempt limit, the expiry) and ChangePassword, each proved
// by signing in with the password it left.
import { describe, expect, it } from 'vitest'
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js'
import {
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { computeSecretHash } from '../../electron/core/cognito/secret-hash'
import {
  PUBLIC_ALL as ALL,
  CONFIDENTIAL as SECRET,
  PUBLIC_WEB as WEB,
  signUpAndConfirm as signUpAndConfirmIn,
  useCognitoSandboxSdk,
} from '../helpers/cognito-sandbox'

/** The sandbox's clock, moved by the expiry test. */
let clockOffsetMs = 0
const cognito = useCognitoSandboxSdk({ now: () => Date.now() + clockOffsetMs })

const secretHash = (username: string) =>
  computeSecretHash(username, SECRET, cognito.clientSecret(SECRET))
const codesFor = (username: string, purpose: string) =>
  cognito.sandbox.outbox.filter((m) => m.username === username && m.purpose === purpose)
const lastCode = (username: string, purpose: string) =>
  codesFor(username, purpose).at(-1)?.code ?? ''
/** A code that is not `code`, of the same shape. */
const otherThan = (code: string) => (code === '000000' ? '111111' : '000000')

const signUpAndConfirm = (username: string, password: string) =>
  signUpAndConfirmIn(cognito.sdk, cognito.sandbox, username, password)

async function signIn(username: string, password: string) {
  const answer = await cognito.sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: ALL,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  )
  const access = answer.AuthenticationResult?.AccessToken
  if (access === undefined) throw new Error('no access token')
  return access
}

const refusedSignIn = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' }

describe('ResendConfirmationCode', () => {
  it('sends a new code by email; the earlier one stops working, the new one confirms', async () => {
    await cognito.sdk.send(
      new SignUpCommand({
        ClientId: ALL,
        Username: 'resender',
        Password: 'Sandbox-resender-1',
        UserAttributes: [{ Name: 'email', Value: 'resender@example.com' }],
      }),
    )
    const first = lastCode('resender', 'SIGN_UP')

    const resent = await cognito.sdk.send(
      new ResendConfirmationCodeCommand({ ClientId: ALL, Username: 'resender' }),
    )

    expect(resent.CodeDeliveryDetails).toEqual({
      Destination: 'r***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    })
    const second = lastCode('resender', 'SIGN_UP')
    expect(codesFor('resender', 'SIGN_UP')).toHaveLength(2)
    if (first !== second) {
      await expect(
        cognito.sdk.send(
          new ConfirmSignUpCommand({
            ClientId: ALL,
            Username: 'resender',
            ConfirmationCode: first,
          }),
        ),
      ).rejects.toMatchObject({ name: 'CodeMismatchException' })
    }
    await cognito.sdk.send(
      new ConfirmSignUpCommand({ ClientId: ALL, Username: 'resender', ConfirmationCode: second }),
    )
    await signIn('resender', 'Sandbox-resender-1')
  })
})

describe('ForgotPassword and ConfirmForgotPassword', () => {
  it('resets the password with the emailed code: the old one is refused, the new one signs in', async () => {
    await signUpAndConfirm('forgetful', 'Sandbox-forgetful-1')

    const sent = await cognito.sdk.send(
      new ForgotPasswordCommand({ ClientId: ALL, Username: 'forgetful' }),
    )

    expect(sent.CodeDeliveryDetails).toEqual({
      Destination: 'f***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    })
    expect(codesFor('forgetful', 'FORGOT_PASSWORD').at(-1)).toMatchObject({
      channel: 'email',
      to: 'forgetful@example.com',
      code: expect.stringMatching(/^\d{6}$/),
    })
    await cognito.sdk.send(
      new ConfirmForgotPasswordCommand({
        ClientId: ALL,
        Username: 'forgetful',
        ConfirmationCode: lastCode('forgetful', 'FORGOT_PASSWORD'),
        Password: 'Sandbox-forgetful-2',
      }),
    )
    await expect(signIn('forgetful', 'Sandbox-forgetful-1')).rejects.toMatchObject(refusedSignIn)
    await signIn('forgetful', 'Sandbox-forgetful-2')
    // The code is spent with the reset.
    await expect(
      cognito.sdk.send(
        new ConfirmForgotPasswordCommand({
          ClientId: ALL,
          Username: 'forgetful',
          ConfirmationCode: lastCode('forgetful', 'FORGOT_PASSWORD'),
          Password: 'Sandbox-forgetful-3',
        }),
      ),
    ).rejects.toMatchObject({ name: 'CodeMismatchException' })
  })

  it('refuses a weak new password by the policy, and the same code then works with a strong one', async () => {
    await signUpAndConfirm('policyuser', 'Sandbox-policy-1')
    await cognito.sdk.send(new ForgotPasswordCommand({ ClientId: ALL, Username: 'policyuser' }))
    const code = lastCode('policyuser', 'FORGOT_PASSWORD')
    const reset = (password: string) =>
      cognito.sdk.send(
        new ConfirmForgotPasswordCommand({
          ClientId: ALL,
          Username: 'policyuser',
          ConfirmationCode: code,
          Password: password,
        }),
      )

    await expect(reset('sandbox-policy-2')).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password must have uppercase characters',
    })
    await reset('Sandbox-policy-2')
    await signIn('policyuser', 'Sandbox-policy-2')
  })

  it('spends the code after five wrong ones: LimitExceededException, then the right code fails too', async () => {
    await signUpAndConfirm('guesser', 'Sandbox-guesser-1')
    await cognito.sdk.send(new ForgotPasswordCommand({ ClientId: ALL, Username: 'guesser' }))
    const code = lastCode('guesser', 'FORGOT_PASSWORD')
    const confirm = (attempt: string) =>
      cognito.sdk.send(
        new ConfirmForgotPasswordCommand({
          ClientId: ALL,
          Username: 'guesser',
          ConfirmationCode: attempt,
          Password: 'Sandbox-guesser-2',
        }),
      )

    for (let attempt = 1; attempt <= 4; attempt++) {
      await expect(confirm(otherThan(code))).rejects.toMatchObject({
        name: 'CodeMismatchException',
        message: 'Invalid verification code provided, please try again.',
      })
    }
    await expect(confirm(otherThan(code))).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    })
    await expect(confirm(code)).rejects.toMatchObject({ name: 'CodeMismatchException' })
    await signIn('guesser', 'Sandbox-guesser-1')
  })

  it('lets a reset code expire after an hour', async () => {
    await signUpAndConfirm('slowpoke', 'Sandbox-slowpoke-1')
    await cognito.sdk.send(new ForgotPasswordCommand({ ClientId: ALL, Username: 'slowpoke' }))
    clockOffsetMs = 3600_000 + 1000
    try {
      await expect(
        cognito.sdk.send(
          new ConfirmForgotPasswordCommand({
            ClientId: ALL,
            Username: 'slowpoke',
            ConfirmationCode: lastCode('slowpoke', 'FORGOT_PASSWORD'),
            Password: 'Sandbox-slowpoke-2',
          }),
        ),
      ).rejects.toMatchObject({
        name: 'ExpiredCodeException',
        message: 'Invalid code provided, please request a code again.',
      })
    } finally {
      clockOffsetMs = 0
    }
  })

  it('answers an unknown user as if a code went out, and sends nothing', async () => {
    const before = cognito.sandbox.outbox.length

    const sent = await cognito.sdk.send(
      new ForgotPasswordCommand({ ClientId: ALL, Username: 'nobody' }),
    )

    expect(sent.CodeDeliveryDetails).toEqual({
      Destination: 'n***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    })
    expect(cognito.sandbox.outbox).toHaveLength(before)
    await expect(
      cognito.sdk.send(
        new ConfirmForgotPasswordCommand({
          ClientId: ALL,
          Username: 'nobody',
          ConfirmationCode: '123456',
          Password: 'Sandbox-nobody-1',
        }),
      ),
    ).rejects.toMatchObject({ name: 'CodeMismatchException' })
  })

  it.each([
    {
      who: 'uma (unconfirmed: no verified email)',
      username: 'uma',
      error: {
        name: 'InvalidParameterException',
        message:
          'Cannot reset password for the user as there is no registered/verified email or phone_number',
      },
    },
    {
      who: 'nina (admin-created, temporary password)',
      username: 'nina',
      error: {
        name: 'NotAuthorizedException',
        message: 'User password cannot be reset in the current state.',
      },
    },
  ])('refuses $who', async ({ username, error }) => {
    await expect(
      cognito.sdk.send(new ForgotPasswordCommand({ ClientId: ALL, Username: username })),
    ).rejects.toMatchObject(error)
  })

  it('wants SecretHash from a client with a secret, and takes the right one', async () => {
    await signUpAndConfirm('confidant', 'Sandbox-confidant-1')
    await expect(
      cognito.sdk.send(new ForgotPasswordCommand({ ClientId: SECRET, Username: 'confidant' })),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: `Client ${SECRET} is configured for secret but secret was not received`,
    })
    await expect(
      cognito.sdk.send(
        new ForgotPasswordCommand({
          ClientId: SECRET,
          Username: 'confidant',
          SecretHash: secretHash('someone-else'),
        }),
      ),
    ).rejects.toMatchObject({ message: `Unable to verify secret hash for client ${SECRET}` })

    await cognito.sdk.send(
      new ForgotPasswordCommand({
        ClientId: SECRET,
        Username: 'confidant',
        SecretHash: secretHash('confidant'),
      }),
    )
    await cognito.sdk.send(
      new ConfirmForgotPasswordCommand({
        ClientId: SECRET,
        Username: 'confidant',
        ConfirmationCode: lastCode('confidant', 'FORGOT_PASSWORD'),
        Password: 'Sandbox-confidant-2',
        SecretHash: secretHash('confidant'),
      }),
    )
    await signIn('confidant', 'Sandbox-confidant-2')
  })

  it('amazon-cognito-identity-js: forgotPassword, then confirmPassword with the code, then SRP', async () => {
    await signUpAndConfirm('acijuser', 'Sandbox-acij-1')
    const pool = new CognitoUserPool({
      UserPoolId: cognito.sandbox.description.userPoolId,
      ClientId: WEB,
      endpoint: `${cognito.sandbox.endpoint}/`,
    })
    const user = new CognitoUser({ Username: 'acijuser', Pool: pool })

    const delivery = await new Promise<unknown>((resolve, reject) =>
      user.forgotPassword({
        onSuccess: resolve,
        onFailure: reject,
        inputVerificationCode: resolve,
      }),
    )
    expect(delivery).toMatchObject({ CodeDeliveryDetails: { DeliveryMedium: 'EMAIL' } })
    await new Promise((resolve, reject) =>
      user.confirmPassword(lastCode('acijuser', 'FORGOT_PASSWORD'), 'Sandbox-acij-2', {
        onSuccess: resolve,
        onFailure: reject,
      }),
    )
    await signIn('acijuser', 'Sandbox-acij-2')
  })
})

describe('ChangePassword', () => {
  it('checks the current password and the policy, then the new password signs in', async () => {
    await signUpAndConfirm('changer', 'Sandbox-changer-1')
    const accessToken = await signIn('changer', 'Sandbox-changer-1')
    const change = (previous: string, proposed: string) =>
      cognito.sdk.send(
        new ChangePasswordCommand({
          AccessToken: accessToken,
          PreviousPassword: previous,
          ProposedPassword: proposed,
        }),
      )

    await expect(change('Sandbox-wrong-1', 'Sandbox-changer-2')).rejects.toMatchObject(
      refusedSignIn,
    )
    await expect(change('Sandbox-changer-1', 'Short-1')).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password not long enough',
    })
    await change('Sandbox-changer-1', 'Sandbox-changer-2')

    await expect(signIn('changer', 'Sandbox-changer-1')).rejects.toMatchObject(refusedSignIn)
    await signIn('changer', 'Sandbox-changer-2')
  })

  it('refuses a revoked access token', async () => {
    await signUpAndConfirm('signedout', 'Sandbox-signedout-1')
    const accessToken = await signIn('signedout', 'Sandbox-signedout-1')
    await cognito.sdk.send(new GlobalSignOutCommand({ AccessToken: accessToken }))

    await expect(
      cognito.sdk.send(
        new ChangePasswordCommand({
          AccessToken: accessToken,
          PreviousPassword: 'Sandbox-signedout-1',
          ProposedPassword: 'Sandbox-signedout-2',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    })
  })

  it('amazon-cognito-identity-js: changePassword on a signed-in session', async () => {
    await signUpAndConfirm('acijchanger', 'Sandbox-acijc-1')
    const pool = new CognitoUserPool({
      UserPoolId: cognito.sandbox.description.userPoolId,
      ClientId: ALL,
      endpoint: `${cognito.sandbox.endpoint}/`,
    })
    const user = new CognitoUser({ Username: 'acijchanger', Pool: pool })
    user.setAuthenticationFlowType('USER_PASSWORD_AUTH')
    await new Promise((resolve, reject) =>
      user.authenticateUser(
        new AuthenticationDetails({ Username: 'acijchanger', Password: 'Sandbox-acijc-1' }),
        { onSuccess: resolve, onFailure: reject },
      ),
    )

    await new Promise((resolve, reject) =>
      user.changePassword('Sandbox-acijc-1', 'Sandbox-acijc-2', (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    )
    await signIn('acijchanger', 'Sandbox-acijc-2')
  })
})
