// A field bound to a draft shows that draft's value and changes that one name, nothing else: a
// form built on it can't clear or overwrite its other fields while a person types.
import { describe, expect, it } from 'vitest'
import { bindDraft } from '../../../renderer/components/bind-draft'

describe('bindDraft', () => {
  it('gives each field its own value and a change of that name alone', () => {
    const changes: unknown[] = []
    const draft = { region: 'us-east-1', userPoolId: 'us-east-1_Abc', kind: 'cognito' as const }
    const bind = bindDraft(draft, (change) => changes.push(change))

    const region = bind('region')
    expect(region.value).toBe('us-east-1')
    expect(bind('userPoolId').value).toBe('us-east-1_Abc')

    region.onChange('eu-west-1')
    bind('userPoolId').onChange('')
    expect(changes).toEqual([{ region: 'eu-west-1' }, { userPoolId: '' }])
    expect(draft.region).toBe('us-east-1')
  })
})
