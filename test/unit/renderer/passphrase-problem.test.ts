// The vault and export forms refuse a new passphrase before sending it: too short, or typed twice
// differently, in words a person can act on; a good pair passes.
import { describe, expect, it } from 'vitest'
import { passphraseProblem } from '../../../renderer/components/passphrase-problem'

describe('passphraseProblem', () => {
  it('says what is wrong with a new passphrase, and nothing when the pair is good', () => {
    expect(passphraseProblem('short', 'short')).toBe('A passphrase is at least 8 characters.')
    expect(passphraseProblem('long enough', 'long enuogh')).toBe(
      'The two passphrases differ: type the same one twice.',
    )
    expect(passphraseProblem('long enough', 'long enough')).toBeUndefined()
  })
})
