// Text from a token or a provider is attacker-controlled: before it reaches a terminal, escape
// the characters that could steer it (C1 controls such as CSI) or reorder what is shown (bidi).
// JSON.stringify already escapes C0 controls; these it lets through.
const UNSAFE = /[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
