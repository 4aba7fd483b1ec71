// Any change to what the renderer can ask for shows up here as a reviewed snapshot diff.
import { z } from 'zod'
import { expect, it } from 'vitest'
import { contract } from '../../../shared/contract'
import { eventNames, methodNames } from '../../../shared/contract-names'

it('the contract surface is the reviewed one', () => {
  expect(Object.keys(contract.methods).sort()).toEqual([...methodNames].sort())
  expect(Object.keys(contract.events).sort()).toEqual([...eventNames].sort())
  const surface = Object.fromEntries(
    methodNames.map((name) => [name, z.toJSONSchema(contract.methods[name].input)]),
  )
  expect({ methods: surface, events: eventNames }).toMatchSnapshot()
})
