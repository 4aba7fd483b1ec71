// Reproducible "random" bytes for property-style tests: SHA-256 in counter mode over a seed, so a
// failing case can be replayed from its seed alone.
import { createHash } from 'node:crypto'

/** Returns a random(bytes) function, the shape the core takes for injected randomness. */
export function createSeededRandom(seed: string): (bytes: number) => Buffer {
  let counter = 0
  return (bytes) => {
    const blocks: Buffer[] = []
    for (let length = 0; length < bytes; length += 32) {
      blocks.push(createHash('sha256').update(`${seed}:${counter++}`).digest())
    }
    return Buffer.concat(blocks).subarray(0, bytes)
  }
}
