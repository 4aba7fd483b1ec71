import { describe, expect, it } from 'vitest'
import { lookupClaim } from '../../../electron/core/tokens/claim-dictionary'
import { describeClaims } from '../../../electron/core/tokens/describe-claims'

const NAMED_IN_THE_ISSUE = {
  'RFC 7519 §4.1': ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti'],
  'OpenID Connect Core §2': ['auth_time', 'nonce', 'acr', 'amr', 'azp', 'at_hash', 'c_hash'],
  'OpenID Connect Core §5.1': [
    'name',
    'given_name',
    'family_name',
    'middle_name',
    'nickname',
    'preferred_username',
    'profile',
    'picture',
    'website',
    'email',
    'email_verified',
    'gender',
    'birthdate',
    'zoneinfo',
    'locale',
    'phone_number',
    'phone_number_verified',
    'address',
    'updated_at',
  ],
  'RFC 9068': ['client_id', 'scope', 'roles', 'groups', 'entitlements'],
  'RFC 8693': ['act', 'may_act'],
  'RFC 7800': ['cnf'],
  Cognito: [
    'token_use',
    'cognito:username',
    'cognito:groups',
    'cognito:roles',
    'cognito:preferred_role',
    'origin_jti',
    'event_id',
    'identities',
    'custom:department',
    'client_id',
    'scope',
    'username',
    'auth_time',
    'device_key',
  ],
}

describe('claim dictionary', () => {
  it.each(Object.entries(NAMED_IN_THE_ISSUE))(
    'explains every %s claim: meaning, source and an https link',
    (_family, names) => {
      for (const name of names) {
        const entry = lookupClaim(name)
        expect(entry, name).toBeDefined()
        expect(entry?.description.length, name).toBeGreaterThan(10)
        expect(entry?.source, name).toBeTruthy()
        expect(entry?.link, name).toMatch(/^https:\/\//)
      }
    },
  )

  it('does not treat object prototype names as claims', () => {
    expect(lookupClaim('constructor')).toBeUndefined()
    expect(lookupClaim('__proto__')).toBeUndefined()
    expect(lookupClaim('toString')).toBeUndefined()
  })
})

describe('describeClaims', () => {
  it('lists every claim in order, marks unknown ones, and puts times into words', () => {
    const lines = describeClaims(
      { sub: 'alice', exp: 1_800_000_600, 'custom:team': 'blue', favourite_colour: 'green' },
      1_800_000_000_000,
    )

    expect(lines.map((line) => [line.name, line.known])).toEqual([
      ['sub', true],
      ['exp', true],
      ['custom:team', true],
      ['favourite_colour', false],
    ])
    expect(lines[1]?.time).toEqual({
      utc: '2027-01-15 08:10:00 UTC',
      relative: 'expires in 10 minutes',
    })
    expect(lines[3]).toMatchObject({
      value: 'green',
      description: expect.stringMatching(/Not a registered/),
    })
    expect(lines[3]?.link).toBeUndefined()
  })
})
